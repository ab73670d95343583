//! `support-messages OUT_DIR`: writes `OUT_DIR/{tag}.json` for every locale
//! but the default, from `locales/` in the current directory, for the
//! release build to ship beside the widget (`scripts/write_loader.py`).

use std::{env, fs, path::Path, process::ExitCode};

fn main() -> ExitCode {
    let Some(out_dir) = env::args_os().nth(1) else {
        eprintln!("usage: support-messages OUT_DIR");
        return ExitCode::FAILURE;
    };
    let out_dir = Path::new(&out_dir);
    for tag in &support_messages::LOCALES[1..] {
        let written = support_messages::compile_locale(Path::new("."), tag).and_then(|catalog| {
            let path = out_dir.join(format!("{tag}.json"));
            fs::write(&path, support_messages::to_json(&catalog))
                .map_err(|e| format!("{}: {e}", path.display()))
        });
        if let Err(error) = written {
            eprintln!("support-messages: {error}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
