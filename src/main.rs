//! The citebot binary: parses the command line and hands over to the library.

fn main() -> std::process::ExitCode {
    match citebot::cli::run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("citebot: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
