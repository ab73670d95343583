//! Which screen follows which: the partner's journey through the widget as a
//! plain state machine. Components only send it events.

use support_contract::{Customer, CustomerRef, Service};

use crate::request_form::CustomerContext;

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
    /// Try the customer's admin center before filing a request.
    SelfHelp,
    /// The admin center solved it: nothing is filed.
    Solved,
    /// The service request, for the customer and service chosen.
    CustomerRequest,
}

/// Something the user did that may move the journey on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    OpenPartnerCenterRequest,
    OpenCustomerRequest,
    PickCustomer(Customer),
    PickService(Service),
    StillNeedsHelp,
    Solved,
    Back,
    Home,
}

/// Where the partner is, and what they chose on the way. Going back keeps
/// every choice, so going forward again needs none of them repeated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Journey {
    pub screen: Screen,
    pub customer: Option<Customer>,
    pub service: Option<Service>,
}

impl Journey {
    /// The journey after `step`; a step that makes no sense where the user is
    /// (a stale click, say) leaves it as it is.
    pub fn after(&self, step: Step) -> Journey {
        use Screen::*;
        let mut next = self.clone();
        match (self.screen, step) {
            (Home, Step::OpenPartnerCenterRequest) => next.screen = PartnerCenterRequest,
            (Home, Step::OpenCustomerRequest) => next.screen = CustomerSearch,
            (CustomerSearch, Step::PickCustomer(customer)) => {
                // Another customer's services and admin center are another
                // matter: the service is chosen again.
                if self.customer.as_ref().map(|c| &c.id) != Some(&customer.id) {
                    next.service = None;
                }
                next.customer = Some(customer);
                next.screen = ServiceChoice;
            }
            (ServiceChoice, Step::PickService(service)) if self.customer.is_some() => {
                next.service = Some(service);
                next.screen = SelfHelp;
            }
            (SelfHelp, Step::StillNeedsHelp) if self.context().is_some() => {
                next.screen = CustomerRequest
            }
            (SelfHelp, Step::Solved) => next.screen = Solved,
            (Solved, Step::Home) => return Journey::default(),
            (_, Step::Home) => next.screen = Home,
            (screen, Step::Back) => next.screen = screen.previous(),
            _ => {}
        }
        next
    }

    /// The customer and service a customer request is for, once both are known.
    pub fn context(&self) -> Option<CustomerContext> {
        let customer = self.customer.as_ref()?;
        Some(CustomerContext {
            customer: CustomerRef {
                id: customer.id.clone(),
                name: customer.name.clone(),
            },
            service: self.service.clone()?,
        })
    }
}

impl Screen {
    /// Where "Back" leads.
    pub fn previous(self) -> Screen {
        use Screen::*;
        match self {
            Home | PartnerCenterRequest | CustomerSearch | Solved => Home,
            ServiceChoice => CustomerSearch,
            SelfHelp => ServiceChoice,
            CustomerRequest => SelfHelp,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn customer(id: &str) -> Customer {
        Customer {
            id: id.into(),
            name: format!("Customer {id}"),
            domain: format!("{id}.example.cn"),
        }
    }

    fn service(id: &str) -> Service {
        Service {
            id: id.into(),
            name: id.into(),
            admin_center_url: "https://portal.azure.cn/".into(),
        }
    }

    fn walk(steps: impl IntoIterator<Item = Step>) -> Journey {
        steps
            .into_iter()
            .fold(Journey::default(), |journey, step| journey.after(step))
    }

    #[test]
    fn the_customer_flow_goes_search_service_self_help_request() {
        let journey = walk([
            Step::OpenCustomerRequest,
            Step::PickCustomer(customer("c1")),
            Step::PickService(service("azure")),
            Step::StillNeedsHelp,
        ]);
        assert_eq!(journey.screen, Screen::CustomerRequest);
        let context = journey.context().unwrap();
        assert_eq!(context.customer.id, "c1");
        assert_eq!(context.service.id, "azure");
    }

    #[test]
    fn solved_ends_the_flow_and_home_starts_afresh() {
        let solved = walk([
            Step::OpenCustomerRequest,
            Step::PickCustomer(customer("c1")),
            Step::PickService(service("azure")),
            Step::Solved,
        ]);
        assert_eq!(solved.screen, Screen::Solved);
        assert_eq!(solved.after(Step::Home), Journey::default());
    }

    #[test]
    fn back_retraces_the_steps_and_keeps_the_choices() {
        let request = walk([
            Step::OpenCustomerRequest,
            Step::PickCustomer(customer("c1")),
            Step::PickService(service("azure")),
            Step::StillNeedsHelp,
        ]);
        let self_help = request.after(Step::Back);
        assert_eq!(self_help.screen, Screen::SelfHelp);
        let services = self_help.after(Step::Back);
        assert_eq!(services.screen, Screen::ServiceChoice);
        let search = services.after(Step::Back);
        assert_eq!(search.screen, Screen::CustomerSearch);
        assert_eq!(search.after(Step::Back).screen, Screen::Home);
        assert_eq!(
            search.customer,
            Some(customer("c1")),
            "the choices survive going back"
        );
        assert_eq!(search.service, Some(service("azure")));
    }

    #[test]
    fn picking_another_customer_forgets_the_service_but_the_same_one_keeps_it() {
        let at_search = walk([
            Step::OpenCustomerRequest,
            Step::PickCustomer(customer("c1")),
            Step::PickService(service("azure")),
            Step::Back,
            Step::Back,
        ]);
        let same = at_search.after(Step::PickCustomer(customer("c1")));
        assert_eq!(same.service, Some(service("azure")));
        let other = at_search.after(Step::PickCustomer(customer("c2")));
        assert_eq!(other.service, None);
        assert_eq!(other.screen, Screen::ServiceChoice);
    }

    #[test]
    fn steps_out_of_place_change_nothing() {
        let home = Journey::default();
        assert_eq!(home.after(Step::StillNeedsHelp), home);
        assert_eq!(home.after(Step::PickService(service("azure"))), home);
        let search = home.after(Step::OpenCustomerRequest);
        assert_eq!(search.after(Step::PickService(service("azure"))), search);
        assert_eq!(search.after(Step::OpenPartnerCenterRequest), search);
    }

    #[test]
    fn the_partner_center_request_is_one_step_from_home_and_back() {
        let request = walk([Step::OpenPartnerCenterRequest]);
        assert_eq!(request.screen, Screen::PartnerCenterRequest);
        assert_eq!(request.after(Step::Back).screen, Screen::Home);
    }
}
