//! The customer audience's journey: help yourself first (service health,
//! help articles), then contact your partner, who learns which articles
//! were already tried.

use serde::{Deserialize, Serialize};
use support_contract::limits::ARTICLES_SEEN_MAX;

/// A help article the customer looked at: its id, which the message to the
/// partner carries, and its title, which the form shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeenArticle {
    pub id: String,
    pub title: String,
}

/// The screens of the customer audience.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HelpScreen {
    /// Service health and the article search.
    #[default]
    Help,
    /// An article or the health page answered it: nothing is sent.
    Solved,
    /// The form to the partner.
    ContactPartner,
}

/// What the customer did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HelpStep {
    /// A search showed these articles.
    SawArticles(Vec<String>),
    Solved,
    ContactPartner,
    Back,
    StartAgain,
}

/// Where the customer is, and which articles it has seen on the way.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HelpJourney {
    pub screen: HelpScreen,
    /// Article ids in the order first seen, at most `ARTICLES_SEEN_MAX`.
    pub articles_seen: Vec<String>,
}

impl HelpJourney {
    pub fn after(&self, step: HelpStep) -> HelpJourney {
        use HelpScreen::*;
        let mut next = self.clone();
        match (self.screen, step) {
            (Help, HelpStep::SawArticles(ids)) => {
                for id in ids {
                    if next.articles_seen.len() < ARTICLES_SEEN_MAX
                        && !next.articles_seen.contains(&id)
                    {
                        next.articles_seen.push(id);
                    }
                }
            }
            (Help, HelpStep::Solved) => next.screen = Solved,
            (Help, HelpStep::ContactPartner) => next.screen = ContactPartner,
            (ContactPartner, HelpStep::Back) => next.screen = Help,
            (Solved, HelpStep::StartAgain) => return HelpJourney::default(),
            _ => {}
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(ids: &[&str]) -> Vec<String> {
        ids.iter().map(|id| (*id).to_owned()).collect()
    }

    #[test]
    fn the_articles_seen_go_with_the_contact_once_each() {
        let contact = [
            HelpStep::SawArticles(ids(&["a", "b"])),
            HelpStep::SawArticles(ids(&["b", "c"])),
            HelpStep::ContactPartner,
        ]
        .into_iter()
        .fold(HelpJourney::default(), |journey, step| journey.after(step));
        assert_eq!(contact.screen, HelpScreen::ContactPartner);
        assert_eq!(contact.articles_seen, ids(&["a", "b", "c"]));
        let back = contact.after(HelpStep::Back);
        assert_eq!(back.screen, HelpScreen::Help);
        assert_eq!(back.articles_seen, contact.articles_seen, "kept");
    }

    #[test]
    fn the_list_stops_at_the_contract_limit() {
        let many: Vec<String> = (0..ARTICLES_SEEN_MAX + 10).map(|n| n.to_string()).collect();
        let journey = HelpJourney::default().after(HelpStep::SawArticles(many));
        assert_eq!(journey.articles_seen.len(), ARTICLES_SEEN_MAX);
    }

    #[test]
    fn solved_ends_and_starting_again_forgets() {
        let solved = HelpJourney::default()
            .after(HelpStep::SawArticles(ids(&["a"])))
            .after(HelpStep::Solved);
        assert_eq!(solved.screen, HelpScreen::Solved);
        assert_eq!(solved.after(HelpStep::ContactPartner), solved);
        assert_eq!(solved.after(HelpStep::StartAgain), HelpJourney::default());
    }
}
