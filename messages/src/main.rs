//! `support-messages OUT_DIR`: writes, from `locales/` in the current
//! directory, `OUT_DIR/{tag}.json` for every locale (see `to_json`) and
//! `OUT_DIR/ids.json`, the message IDs in the order the files list the
//! messages. For the release build (`scripts/write_loader.py`): it ships
//! every locale but the default beside the widget, and takes the launcher's
//! words from them all.

#![forbid(unsafe_code)]

use std::{env, fs, path::Path, process::ExitCode};

use support_messages::{compile_locale, message_ids, to_json, LOCALES};

fn main() -> ExitCode {
    let Some(out_dir) = env::args_os().nth(1) else {
        eprintln!("usage: support-messages OUT_DIR");
        return ExitCode::FAILURE;
    };
    match write_all(Path::new(&out_dir)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("support-messages: {error}");
            ExitCode::FAILURE
        }
    }
}

fn write_all(out_dir: &Path) -> Result<(), String> {
    let catalogs = LOCALES
        .iter()
        .map(|tag| compile_locale(Path::new("."), tag))
        .collect::<Result<Vec<_>, _>>()?;
    let ids = message_ids(&catalogs);
    let write = |name: String, json: String| {
        let path = out_dir.join(name);
        fs::write(&path, json).map_err(|e| format!("{}: {e}", path.display()))
    };
    for (tag, catalog) in LOCALES.iter().zip(&catalogs) {
        write(format!("{tag}.json"), to_json(catalog, &ids))?;
    }
    let ids = serde_json::to_string(&ids).expect("IDs serialize to JSON");
    write("ids.json".to_owned(), ids)
}
