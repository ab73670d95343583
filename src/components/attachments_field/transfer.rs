//! Files picked, dropped on the form or pasted into it.

use leptos::ev;

use super::AttachmentsState;
use crate::context::{Connection, Host};

/// The files of a picker's, a drop's or a paste's list.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default()
}

/// The files of a drop or a paste.
fn transferred_files(data: Option<web_sys::DataTransfer>) -> Vec<web_sys::File> {
    files_of(data.and_then(|data| data.files()))
}

/// Reads the files of a paste, if it carried any; the paste then adds them
/// instead of pasting into the field.
pub fn on_paste(
    state: AttachmentsState,
    connection: Connection,
    host: Host,
    event: &ev::ClipboardEvent,
) {
    let files = transferred_files(event.clipboard_data());
    if !files.is_empty() {
        event.prevent_default();
        state.add(connection, host, files);
    }
}

/// Lets files be dropped anywhere on the form.
pub fn on_drop(state: AttachmentsState, connection: Connection, host: Host, event: &ev::DragEvent) {
    let files = transferred_files(event.data_transfer());
    if !files.is_empty() {
        event.prevent_default();
        state.add(connection, host, files);
    }
}

/// Accepts a drag of files over the form.
pub fn on_drag_over(event: &ev::DragEvent) {
    let carries_files = event
        .data_transfer()
        .map(|data| data.types().includes(&"Files".into(), 0))
        .unwrap_or(false);
    if carries_files {
        event.prevent_default();
    }
}
