//! What the user does that may move the journey on ([`Step`]), and the
//! customer's message an escalation carries with it ([`Escalating`]).

use serde::{Deserialize, Serialize};
use support_contract::{Attachment, Customer, Service};

use super::Screen;
use crate::{drafts::DraftSubject, escalation::GuideAnswer};

/// The customer's message a request on its behalf escalates: the request
/// names it (`related_request`), its form begins with the message's words
/// and files, and the way back leads to it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Escalating {
    /// The message's id.
    pub id: String,
    pub title: String,
    pub description: String,
    pub attachments: Vec<Attachment>,
    /// The screen the escalation began on, where Back leads back to the
    /// message (not kept for a reload: Back then goes as by hand).
    #[serde(skip)]
    pub entry: Option<Screen>,
}

/// Something the user did that may move the journey on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    OpenPartnerCenterRequest,
    /// A problem one of the partner's customers has: the one path to a
    /// request on its behalf, which is the escalation to 21Vianet.
    OpenCustomerRequest,
    PickCustomer(Customer),
    PickService(Service),
    StillNeedsHelp,
    Solved,
    /// An answer to the escalation guide.
    Guide(GuideAnswer),
    OpenFiledRequests,
    /// The customers' messages.
    OpenInbox,
    /// The inbox shows the messages still open, or those resolved.
    ShowInbox {
        resolved: bool,
    },
    /// "Escalate to 21Vianet" on a customer's message: the one path to a
    /// request on its behalf, with the customer and service the message
    /// names already chosen (each `None` where it names none, or one the
    /// partner's catalogue does not have: it is chosen on the way).
    Escalate {
        message: Escalating,
        customer: Option<Customer>,
        service: Option<Service>,
    },
    /// Back from an escalation to the message it started from: the guide
    /// ended with nothing to escalate, or the escalation was filed.
    BackToMessage,
    /// Back to the customer request a draft was kept for, with its customer
    /// and service, and the escalation guide's decision (a draft without
    /// one goes through the guide first).
    ResumeCustomerRequest(DraftSubject),
    /// A request on behalf of this customer, for this service, was filed:
    /// the guide's answers were that request's, and a new problem of the
    /// same customer and service is checked from the start (unless the
    /// partner is in the guide for it already, answering anew).
    RequestFiled {
        customer: String,
        service: String,
    },
    /// "Submit another request" after a customer request was filed: a new
    /// problem of the same customer and service, which goes through the
    /// admin center and the guide again (their answers were the filed
    /// request's).
    AnotherRequest,
    /// The status of the filed request with this id.
    ViewStatus(String),
    /// The page opened the request with this id (`open("request", id)`, the
    /// `open-request` attribute), from wherever the user was.
    OpenRequest(String),
    Back,
    /// Back from a request's status, told where the request belongs:
    /// `inbox` is `Some(resolved)` for a customer's message that partner
    /// staff read, which their inbox lists among those open or resolved,
    /// and `None` for anything else, which the list of filed requests
    /// holds. From the request the page opened, which no list led to, Back
    /// leads to that list; from any other, as `Back`.
    BackFromStatus {
        inbox: Option<bool>,
    },
    /// Back from a filed customer request's confirmation: its self-help and
    /// the guide's answers can change nothing of it, so back to the
    /// customer's services, to file for another (a new problem: the guide's
    /// decision was the filed request's).
    BackFromFiled,
    Home,
}
