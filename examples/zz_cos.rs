fn main() {
    let g = citebot::embed::Embeddings::glove().unwrap();
    let m = citebot::embed::Embeddings::get().unwrap();
    let args: Vec<String> = std::env::args().skip(1).collect();
    for p in args.chunks(2) {
        println!(
            "{} {} glove {:?} minilm {:?}",
            p[0],
            p[1],
            g.similarity(&p[0], &p[1]),
            m.similarity(&p[0], &p[1])
        );
    }
}
