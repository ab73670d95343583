//! Building blocks shared by the screens.

mod error_summary;
mod field;
mod language_picker;

pub use error_summary::ErrorSummary;
pub use field::{FieldError as FieldErrorText, TextArea, TextField};
pub use language_picker::LanguagePicker;
