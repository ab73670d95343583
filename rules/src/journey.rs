//! Which screen follows which: the partner's journey through the widget as a
//! plain state machine. Components only send it events ([`Step`], in
//! `steps`); the customer the page prefills moves it too (`page_customer`),
//! and it is kept for a reload (`saved`).

use support_contract::{Customer, CustomerRef, Service};

use crate::{
    escalation::{Guide, GuideAnswer, GuideStep},
    request_fields::CustomerContext,
};

/// The screens of the partner audience.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Screen {
    /// What can we help with: the choice of flows.
    #[default]
    Home,
    /// The partner's own problem with Partner Center.
    PartnerCenterRequest,
    /// Find the customer the request is for.
    CustomerSearch,
    /// Which of the customer's services needs help.
    ServiceChoice,
    /// Try the customer's admin center before anything is escalated.
    SelfHelp,
    /// The admin center solved it: nothing is filed.
    Solved,
    /// The escalation guide, one of its steps at a time (`Journey::guide`):
    /// service health, troubleshooting, and whether it is a kind of problem
    /// to hand off to 21Vianet.
    Escalation,
    /// The service request, for the customer and service chosen, escalated
    /// as the guide decided.
    CustomerRequest,
    /// The requests filed from this device.
    FiledRequests,
    /// One filed request's status (`Journey::status_of`).
    RequestStatus,
    /// The messages the partner's customers sent it, open or resolved.
    Inbox,
}

/// Where the partner is, and what they chose on the way. Going back keeps
/// every choice, so going forward again needs none of them repeated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Journey {
    pub screen: Screen,
    pub customer: Option<Customer>,
    pub service: Option<Service>,
    pub guide: Guide,
    /// The request whose status is shown (or was, until the list of filed
    /// requests is opened from home), and the screen it was opened from.
    pub status_of: Option<String>,
    pub status_from: Screen,
    /// The request whose note led to the one shown (an escalation and the
    /// customer's message it began as lead to each other): Back returns to
    /// it, and from there to `status_from`.
    pub status_back: Option<String>,
    /// The request the page opened (`Step::OpenRequest`), while its status,
    /// or that of a request its notes lead to, is shown.
    pub opened: Option<String>,
    /// How many times the partner has left home (for a flow, the filed
    /// requests or a status). A form filed in an earlier visit begins anew
    /// when it is shown again, so that no flow opens on another request's
    /// confirmation.
    pub visit: u32,
    /// The customer the page prefilled (`prefill`): a journey started again
    /// starts with it, as the page's first did.
    pub page_customer: Option<Customer>,
    /// How many times the journey has started again ("Start again" at the
    /// end of a flow where nothing was filed).
    pub restarts: u32,
    /// The customer's message being escalated, from "Escalate to 21Vianet"
    /// until the escalation is filed or the partner goes home.
    pub escalating: Option<Escalating>,
    /// Whether the inbox shows the messages resolved rather than those
    /// still open (kept while the partner reads one of them).
    pub inbox_resolved: bool,
}

impl Journey {
    /// The journey after `step`; a step that makes no sense where the user is
    /// (a stale click, say) leaves it as it is.
    pub fn after(&self, step: Step) -> Journey {
        let mut next = self.moved(step);
        // The guide's last step is the request itself, with nothing of its
        // own to show: a guide found again another way (home, then the same
        // customer and service) shows its last question, answered as it was.
        if next.screen == Screen::Escalation && next.guide.step == GuideStep::Proceed {
            next.guide = next.guide.after(GuideAnswer::Back);
        }
        // Home, however reached, ends an escalation of a customer's request:
        // a request started from there is filed by hand.
        if next.screen == Screen::Home {
            next.escalating = None;
        }
        // The request the page opened is one only while its status shows.
        if next.screen != Screen::RequestStatus {
            next.opened = None;
        }
        let left_home = self.screen == Screen::Home && next.screen != Screen::Home;
        next.visit = self.visit.wrapping_add(u32::from(left_home));
        next
    }

    fn moved(&self, step: Step) -> Journey {
        use Screen::*;
        let mut next = self.clone();
        match (self.screen, step) {
            (Home, Step::OpenPartnerCenterRequest) => next.screen = PartnerCenterRequest,
            (Home, Step::OpenInbox) => {
                next.screen = Inbox;
                next.inbox_resolved = false;
                next.status_of = None;
            }
            (Inbox, Step::ShowInbox { resolved }) => next.inbox_resolved = resolved,
            (
                RequestStatus,
                Step::Escalate {
                    message,
                    customer,
                    service,
                },
            ) => {
                next.guide = Guide::default();
                next.screen = match (&customer, &service) {
                    (Some(_), Some(_)) => SelfHelp,
                    (Some(_), None) => ServiceChoice,
                    _ => CustomerSearch,
                };
                next.service = service.filter(|_| customer.is_some());
                next.customer = customer;
                next.escalating = Some(Escalating {
                    entry: Some(next.screen),
                    ..message
                });
            }
            (_, Step::BackToMessage) => {
                let Some(escalating) = self.escalating.clone() else {
                    return next;
                };
                next.guide = Guide::default();
                next.escalating = None;
                next.status_of = Some(escalating.id);
                next.status_from = Inbox;
                next.status_back = None;
                next.screen = RequestStatus;
            }
            (Home, Step::OpenCustomerRequest) => next.screen = CustomerSearch,
            (CustomerSearch, Step::PickCustomer(customer)) => {
                // Another customer's services and admin center are another
                // matter: the service is chosen again.
                if self.customer.as_ref().map(|c| &c.id) != Some(&customer.id) {
                    next.service = None;
                    next.guide = Guide::default();
                }
                next.customer = Some(customer);
                next.screen = ServiceChoice;
            }
            (ServiceChoice, Step::PickService(service)) if self.customer.is_some() => {
                // Another service's health is another matter, too.
                if self.service.as_ref().map(|s| &s.id) != Some(&service.id) {
                    next.guide = Guide::default();
                }
                next.service = Some(service);
                next.screen = SelfHelp;
            }
            (SelfHelp, Step::StillNeedsHelp) if self.service.is_some() => next.screen = Escalation,
            (SelfHelp, Step::Solved) => next.screen = Solved,
            (Escalation, Step::Back) => return self.moved(Step::Guide(GuideAnswer::Back)),
            (Escalation, Step::Guide(answer)) => {
                if answer == GuideAnswer::Back && self.guide.step == GuideStep::ServiceHealth {
                    next.screen = SelfHelp;
                } else {
                    next.guide = self.guide.after(answer);
                    if next.guide.step == GuideStep::Proceed {
                        next.screen = CustomerRequest;
                    }
                }
            }
            (CustomerRequest, Step::Back) => {
                next.guide = self.guide.after(GuideAnswer::Back);
                next.screen = Escalation;
            }
            // Back from an escalation's first screen, or from its filed
            // request, is back to the customer's request it began from.
            (screen, Step::Back)
                if self
                    .escalating
                    .as_ref()
                    .is_some_and(|e| e.entry == Some(screen)) =>
            {
                return self.moved(Step::BackToMessage)
            }
            (CustomerRequest, Step::BackFromFiled) if self.escalating.is_some() => {
                return self.moved(Step::BackToMessage)
            }
            (CustomerRequest, Step::BackFromFiled) => {
                next.guide = Guide::default();
                next.escalating = None;
                next.screen = ServiceChoice;
            }
            (screen, Step::RequestFiled { customer, service }) => {
                let same = self.customer.as_ref().is_some_and(|c| c.id == customer)
                    && self.service.as_ref().is_some_and(|s| s.id == service);
                if same && screen != Escalation {
                    next.guide = Guide::default();
                }
            }
            (CustomerRequest, Step::AnotherRequest) => {
                next.guide = Guide::default();
                next.escalating = None;
                next.screen = SelfHelp;
            }
            // The list names the request last viewed only when the user comes
            // back to it from that request's status.
            (Home, Step::OpenFiledRequests) => {
                next.screen = FiledRequests;
                next.status_of = None;
            }
            (Home, Step::ResumeCustomerRequest(subject)) => {
                let guide = subject.escalation.as_ref().and_then(Guide::resumed);
                next.screen = if guide.is_some() {
                    CustomerRequest
                } else {
                    Escalation
                };
                next.guide = guide.unwrap_or_default();
                // An escalation of a customer's request still names it,
                // and leads back to it.
                next.escalating = (subject.related_request).map(|id| Escalating {
                    id,
                    ..Escalating::default()
                });
                next.customer = Some(subject.customer);
                next.service = Some(subject.service);
            }
            (screen, Step::ViewStatus(id)) => {
                if screen == RequestStatus {
                    next.status_back = self.status_of.clone();
                } else {
                    next.status_from = screen;
                    next.status_back = None;
                }
                next.status_of = Some(id);
                next.screen = RequestStatus;
            }
            (_, Step::OpenRequest(id)) => {
                next.screen = RequestStatus;
                next.status_of = Some(id.clone());
                // Whose list it is in is known once it is read
                // (`BackFromStatus`); until then, the requests filed.
                next.status_from = FiledRequests;
                next.status_back = None;
                next.opened = Some(id);
                next.escalating = None;
            }
            (RequestStatus, Step::BackFromStatus { inbox })
                if self.status_back.is_none() && self.opened == self.status_of =>
            {
                match inbox {
                    Some(resolved) => {
                        next.screen = Inbox;
                        next.inbox_resolved = resolved;
                    }
                    None => next.screen = FiledRequests,
                }
            }
            (_, Step::BackFromStatus { .. }) => return self.moved(Step::Back),
            (RequestStatus, Step::Back) => match self.status_back.clone() {
                Some(id) => {
                    next.status_of = Some(id);
                    next.status_back = None;
                }
                None => next.screen = self.status_from,
            },
            (Solved, Step::Home) if self.escalating.is_none() => return self.restart(),
            // The guide's ends where nothing is escalated start afresh.
            (Escalation, Step::Home)
                if self.escalating.is_none()
                    && matches!(
                        self.guide.step,
                        GuideStep::KnownIncident | GuideStep::OwnSupport
                    ) =>
            {
                return self.restart()
            }
            (_, Step::Home) => {
                next.screen = Home;
                next.escalating = None;
            }
            (screen, Step::Back) => next.screen = screen.previous(),
            _ => {}
        }
        next
    }

    /// A journey from home again, with nothing chosen but the page's
    /// customer.
    fn restart(&self) -> Journey {
        Journey {
            customer: self.page_customer.clone(),
            page_customer: self.page_customer.clone(),
            restarts: self.restarts.wrapping_add(1),
            ..Journey::default()
        }
    }

    /// The customer and service a customer request is for, once both are
    /// known, with what the escalation guide decided once it has.
    pub fn context(&self) -> Option<CustomerContext> {
        let customer = self.customer.as_ref()?;
        Some(CustomerContext {
            customer: CustomerRef {
                id: customer.id.clone(),
                name: customer.name.clone(),
            },
            service: self.service.clone()?,
            escalation: self.guide.escalation(),
            related_request: self.escalating.as_ref().map(|e| e.id.clone()),
        })
    }
}

impl Screen {
    /// Whether the screen is about the customer chosen (and its service).
    fn is_about_the_customer(self) -> bool {
        use Screen::*;
        matches!(
            self,
            ServiceChoice | SelfHelp | Solved | Escalation | CustomerRequest
        )
    }

    /// Where "Back" leads, when the journey's choices do not decide it.
    pub fn previous(self) -> Screen {
        use Screen::*;
        match self {
            Home | PartnerCenterRequest | CustomerSearch | FiledRequests | RequestStatus
            | Inbox => Home,
            ServiceChoice => CustomerSearch,
            SelfHelp => ServiceChoice,
            Solved | Escalation => SelfHelp,
            CustomerRequest => Escalation,
        }
    }
}

mod page_customer;
mod saved;
mod steps;

pub use saved::storage_key;
pub use steps::{Escalating, Step};

#[cfg(test)]
mod tests;
