//! `support-messages OUT_DIR`: writes `OUT_DIR/{tag}.json` for every locale,
//! from `locales/` in the current directory, for the release build
//! (`scripts/write_loader.py`): it ships every locale but the default beside
//! the widget, and takes the launcher's words from them all.

use std::{env, fs, path::Path, process::ExitCode};

fn main() -> ExitCode {
    let Some(out_dir) = env::args_os().nth(1) else {
        eprintln!("usage: support-messages OUT_DIR");
        return ExitCode::FAILURE;
    };
    let out_dir = Path::new(&out_dir);
    for tag in support_messages::LOCALES {
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
