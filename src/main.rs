//! The citebot binary: parses the command line and hands over to the library.

use std::process::ExitCode;

fn main() -> ExitCode {
    match citebot::cli::run() {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`citebot ask ... | head`): nothing more to say.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("citebot: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
