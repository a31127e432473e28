//! The `standings` binary: parse arguments, run, map the outcome to an exit code.

use std::process::ExitCode;

/// The engine allocates small vectors on its hot paths (tiebreak steps, mini-tables); mimalloc
/// serves them a little faster than the system allocator (measured in docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod cli;

/// Notes, before the Rust runtime starts, whether standard output was closed (`>&-`). The
/// runtime then opens `/dev/null` in its place, where writes succeed and go nowhere; the
/// record made here lets [`cli::output`] fail loudly instead of exiting 0 having written
/// nothing.
#[cfg(unix)]
#[ctor::ctor(unsafe)]
fn note_closed_stdout() {
    // SAFETY: `fcntl(F_GETFD)` only asks about a descriptor; it touches no memory.
    let closed = unsafe { libc::fcntl(libc::STDOUT_FILENO, libc::F_GETFD) } == -1;
    cli::STDOUT_CLOSED.store(closed, std::sync::atomic::Ordering::Relaxed);
}

use clap::Parser;
use cli::Cli;

fn main() -> ExitCode {
    // A bug reaches the user as an internal error (exit code 101), never as a panic dump.
    std::panic::set_hook(Box::new(|info| {
        let payload = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let place = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "internal error: {payload}{place}\nThis is a bug in standings; please report it at the project's issue tracker with the command and the files that caused it."
        );
    }));
    // Lets the tests prove the hook above works.
    if std::env::var_os("STANDINGS_TEST_INTERNAL_ERROR").is_some() {
        panic!("internal error requested by STANDINGS_TEST_INTERNAL_ERROR");
    }
    let cli = Cli::parse();
    let format = cli.message_format;
    match cli::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            cli::report_errors(&e.into_diagnostics(), format);
            ExitCode::from(2)
        }
    }
}
