//! Building blocks shared by the screens.

mod admin_center_link;
mod attachments_field;
mod choices;
mod customer_combobox;
mod error_summary;
mod field;
mod filed_away_notice;
mod language_picker;
mod load_failure;
mod messages_unavailable;
mod pager;
mod reply_box;
mod request_form;
mod screen;
mod service_health;
mod status;
mod undo_notice;

pub use admin_center_link::AdminCenterLink;
pub use attachments_field::{AttachmentsField, AttachmentsState};
pub use choices::{offered, CategoryChoice, ContactLanguageChoice, ServiceSelect, SeverityChoice};
pub use customer_combobox::CustomerCombobox;
pub use error_summary::ErrorSummary;
pub use field::{FieldError as FieldErrorText, TextField};
pub use filed_away_notice::FiledAwayNotice;
pub use language_picker::LanguagePicker;
pub use load_failure::{failure_text, tell_page, LoadFailure};
pub use messages_unavailable::MessagesUnavailable;
pub use pager::{list_item, page_focus, retry_button, PageFooter, Paging};
pub use reply_box::{Closing, ReplyBox};
pub(crate) use request_form::{failure_message, Posted};
pub use request_form::{RequestForm, RequestFormState};
pub use screen::{BackButton, BackToMessage, ScreenHeading};
pub use service_health::{listed, load_health, ServiceHealthList};
pub use status::{status_label, CloseTheLoop, CurrentStatus};
pub use undo_notice::UndoNotice;
