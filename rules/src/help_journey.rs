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
    SawArticles(Vec<SeenArticle>),
    Solved,
    ContactPartner,
    Back,
    StartAgain,
}

/// Where the customer is, and which articles it has seen on the way.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HelpJourney {
    pub screen: HelpScreen,
    /// The articles in the order first seen, each once, at most
    /// `ARTICLES_SEEN_MAX`: the message to the partner names them.
    pub articles_seen: Vec<SeenArticle>,
    /// How many times the customer has gone on to contact the partner: a
    /// message sent in an earlier visit gives way to a new one.
    pub visit: u32,
}

impl HelpJourney {
    pub fn after(&self, step: HelpStep) -> HelpJourney {
        let mut next = self.moved(step);
        let contacting = next.screen == HelpScreen::ContactPartner;
        let new_visit = contacting && self.screen != HelpScreen::ContactPartner;
        next.visit = self.visit.wrapping_add(u32::from(new_visit));
        next
    }

    fn moved(&self, step: HelpStep) -> HelpJourney {
        use HelpScreen::*;
        let mut next = self.clone();
        match (self.screen, step) {
            (Help, HelpStep::SawArticles(articles)) => {
                for article in articles {
                    if next.articles_seen.len() < ARTICLES_SEEN_MAX
                        && !next.articles_seen.iter().any(|seen| seen.id == article.id)
                    {
                        next.articles_seen.push(article);
                    }
                }
            }
            (Help, HelpStep::Solved) => next.screen = Solved,
            (Help, HelpStep::ContactPartner) => next.screen = ContactPartner,
            (ContactPartner | Solved, HelpStep::Back) => next.screen = Help,
            (Solved, HelpStep::StartAgain) => return HelpJourney::default(),
            _ => {}
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn articles(ids: &[&str]) -> Vec<SeenArticle> {
        ids.iter()
            .map(|id| SeenArticle {
                id: (*id).to_owned(),
                title: format!("Article {id}"),
            })
            .collect()
    }

    #[test]
    fn the_articles_seen_go_with_the_contact_once_each() {
        let contact = [
            HelpStep::SawArticles(articles(&["a", "b"])),
            HelpStep::SawArticles(articles(&["b", "c"])),
            HelpStep::ContactPartner,
        ]
        .into_iter()
        .fold(HelpJourney::default(), |journey, step| journey.after(step));
        assert_eq!(contact.screen, HelpScreen::ContactPartner);
        assert_eq!(contact.articles_seen, articles(&["a", "b", "c"]));
        let back = contact.after(HelpStep::Back);
        assert_eq!(back.screen, HelpScreen::Help);
        assert_eq!(back.articles_seen, contact.articles_seen, "kept");
    }

    #[test]
    fn each_time_the_customer_goes_on_to_contact_the_partner_is_a_new_visit() {
        let first = HelpJourney::default().after(HelpStep::ContactPartner);
        assert_eq!(first.visit, 1);
        assert_eq!(
            first.after(HelpStep::ContactPartner).visit,
            1,
            "still there"
        );
        let back = first.after(HelpStep::Back);
        assert_eq!(back.visit, 1);
        assert_eq!(back.after(HelpStep::ContactPartner).visit, 2);
        let started_again = back.after(HelpStep::Solved).after(HelpStep::StartAgain);
        assert_eq!(
            (started_again.screen, started_again.visit),
            (HelpScreen::Help, 1),
            "starting again keeps counting"
        );
    }

    #[test]
    fn back_from_solved_returns_to_the_help_with_what_was_seen() {
        let solved = [HelpStep::SawArticles(articles(&["a"])), HelpStep::Solved]
            .into_iter()
            .fold(HelpJourney::default(), |journey, step| journey.after(step));
        let back = solved.after(HelpStep::Back);
        assert_eq!(back.screen, HelpScreen::Help);
        assert_eq!(back.articles_seen, articles(&["a"]));
    }

    #[test]
    fn an_article_seen_again_keeps_its_place_and_first_title() {
        let mut renamed = articles(&["b"]);
        renamed[0].title = "A newer title".into();
        let journey = HelpJourney::default()
            .after(HelpStep::SawArticles(articles(&["a", "b"])))
            .after(HelpStep::SawArticles(renamed));
        assert_eq!(journey.articles_seen, articles(&["a", "b"]));
    }

    #[test]
    fn the_list_stops_at_the_contract_limit() {
        let many: Vec<String> = (0..ARTICLES_SEEN_MAX + 10).map(|n| n.to_string()).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        let journey = HelpJourney::default().after(HelpStep::SawArticles(articles(&many)));
        assert_eq!(journey.articles_seen.len(), ARTICLES_SEEN_MAX);
    }

    #[test]
    fn solved_ends_and_starting_again_forgets() {
        let solved = HelpJourney::default()
            .after(HelpStep::SawArticles(articles(&["a"])))
            .after(HelpStep::Solved);
        assert_eq!(solved.screen, HelpScreen::Solved);
        assert_eq!(solved.after(HelpStep::ContactPartner), solved);
        assert_eq!(solved.after(HelpStep::StartAgain), HelpJourney::default());
    }
}
