//! Who hears of what by mail, and the mail they get: plain rules over the
//! request as the event's transaction reads it, tested without a server.
//!
//! - A reply, or a status change, that is not the filer's own goes to the
//!   request's contact (the filer: a signed-in user's contact is their
//!   token's name and e-mail). The partner's staff who filed an escalation
//!   hear so when 21Vianet replies on it or resolves it; a customer when
//!   their partner answers their message.
//! - A customer's new message (`customer_self_service`), and the
//!   customer's own replies on it, go to the partner's support address.
//! - An address a visitor typed without a token hears nothing of the
//!   request until its owner confirms it: the first mail there asks for
//!   that, with the backend's own words only ([`super::confirmations`]).
//!
//! A mail to partner staff (the partner's support address, or the staff
//! who filed a request) is in the partner's language (`--partner-locale`)
//! and links to the request on the partner's portal
//! (`--portal-url-partner`); a customer's is in the language of the
//! request's contact, en-US unless it names another, and links to the
//! customers' portal (`--portal-url-customer`). Each greets its reader and
//! signs off as the team that `--mail-from` names.

use serde::{Deserialize, Serialize};
use support_contract::{Attachment, ContactLanguage, Reply, RequestKind, StoredRequest};

use super::messages::message;
use crate::error::ApiError;
use crate::outbox::{self, EventType, MailOutbox, Sender};

/// What a URL may carry as it is (RFC 3986's unreserved characters): an
/// id or a reference such as `SR-000042` goes into the portal's link
/// unchanged.
const UNRESERVED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// One mail, addressed and worded, as the outbox keeps it until it is
/// sent: a retry sends the very same words. Several about one request to
/// one address may go as one ([`render`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Composed {
    pub to: String,
    /// The BCP 47 tag of the language it is written in.
    pub language: String,
    /// The request's reference, for the subject of several at once.
    pub reference: String,
    /// The request's id, which every mail about it names as the one it
    /// follows, so that mail clients keep them in one thread (none in a
    /// mail the outbox kept from before it was recorded).
    #[serde(default)]
    pub request_id: Option<String>,
    /// Whether it goes to the partner's support address, about a
    /// customer's message, rather than to the request's own filer: the
    /// subject of several at once does not say "your request" then.
    #[serde(default)]
    pub to_partner: bool,
    pub subject: String,
    /// What happened, as plain text: the link and the footer are added
    /// when it is sent.
    pub text: String,
    /// The same as HTML paragraphs, everything a user typed escaped.
    pub html: String,
    /// The portal's page of the request, if the backend knows it.
    pub link: Option<String>,
    /// Who it is from, where not the mailer's `--mail-from`: another
    /// partner's support address (none in a mail the outbox kept from
    /// before partners had their own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender: Option<Sender>,
}

/// A mail as it is sent: its subject, and its two parts, whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// The mail that tells of `mails` (one request's, to one address, oldest
/// first) at once: one's own subject, or a count of what happened, then a
/// greeting, each in turn, the link back, the sign-off of `team` (the
/// display name of `--mail-from`, else the locale's words for the support
/// team) last, and the footer below the signature's `-- `. `None` for no
/// mail.
pub fn render(mails: &[Composed], team: Option<&str>) -> Option<Rendered> {
    let last = mails.last()?;
    let language = ContactLanguage::parse(&last.language).unwrap_or_default();
    let subject = match mails {
        [one] => one.subject.clone(),
        _ => message(
            language,
            if last.to_partner {
                "mail-subject-several-customer-request"
            } else {
                "mail-subject-several"
            },
            &[
                ("reference", &last.reference),
                ("count", &mails.len().to_string()),
            ],
        ),
    };
    let greeting = message(language, "mail-greeting", &[]);
    let team = match team.map(str::trim) {
        Some(team) if !team.is_empty() => team.to_owned(),
        _ => message(language, "mail-team", &[]),
    };
    let sign_off = message(language, "mail-sign-off", &[("team", &team)]);
    let mut text = vec![greeting.clone()];
    text.extend(mails.iter().map(|mail| mail.text.clone()));
    let mut html = vec![paragraph(&greeting)];
    html.push(
        mails
            .iter()
            .map(|mail| mail.html.clone())
            .collect::<Vec<_>>()
            .join("\n<hr>\n"),
    );
    let footer = message(language, "mail-footer", &[]);
    if let Some(link) = &last.link {
        text.push(format!("{}\n{link}", message(language, "mail-link", &[])));
        html.push(format!(
            "<p><a href=\"{}\">{}</a></p>",
            html_escape::encode_double_quoted_attribute(link),
            html_escape::encode_text(&message(language, "mail-link-label", &[]))
        ));
    }
    text.push(sign_off.clone());
    html.push(paragraph(&sign_off));
    text.push(format!("-- \n{footer}"));
    html.push(format!(
        "<p style=\"color: #666666\">{}</p>",
        html_escape::encode_text(&footer)
    ));
    Some(Rendered {
        subject,
        text: text.join("\n\n") + "\n",
        html: format!(
            "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head>\
             <body>\n{}\n</body></html>\n",
            language.as_str(),
            html_escape::encode_text(&last.reference),
            html.join("\n")
        ),
    })
}

/// What happened, as far as the mail goes.
#[derive(Clone, Copy, Debug)]
pub struct Happened<'a> {
    pub event_type: EventType,
    /// The request as the event's transaction reads it.
    pub request: &'a StoredRequest,
    /// The reply, on a reply.
    pub reply: Option<&'a Reply>,
    /// Whether the request's own filer did it: nobody is mailed about what
    /// they did themselves.
    pub by_filer: bool,
    /// Whether the request's contact may be mailed what the request says:
    /// not while a visitor's typed address awaits confirmation.
    pub contact_confirmed: bool,
    /// On a visitor's new request: the link that confirms their address,
    /// which the first mail to it carries.
    pub confirm_link: Option<&'a str>,
    /// The name of the request's service, as the catalogue has it.
    pub service: Option<&'a str>,
}

/// The mails `happened` sends, as the outbox keeps them.
pub fn for_outbox(
    outbox: &MailOutbox,
    happened: Happened<'_>,
) -> Result<Vec<outbox::Mail>, ApiError> {
    compose(outbox, happened)
        .into_iter()
        .map(|mail| {
            let payload = serde_json::to_string(&mail)
                .map_err(|error| ApiError::Internal(format!("outbox: {error}")))?;
            Ok(outbox::Mail {
                to: mail.to,
                payload,
            })
        })
        .collect()
}

/// Who sent a customer's message, as the partner's mail names them: the
/// contact's name, and their company in brackets as `language` writes them
/// (full-width in Chinese).
fn customer_of(request: &StoredRequest, language: ContactLanguage) -> String {
    let contact = &request.request.contact.name;
    match &request.request.customer {
        Some(company) if !company.name.trim().is_empty() => match language {
            ContactLanguage::ZhCn | ContactLanguage::ZhTw => {
                format!("{contact}（{}）", company.name)
            }
            _ => format!("{contact} ({})", company.name),
        },
        _ => contact.clone(),
    }
}

/// `items` as `language` lists them: with the enumeration comma 、 in
/// Chinese, else with a comma and a space.
fn listed(items: &[&str], language: ContactLanguage) -> String {
    match language {
        ContactLanguage::ZhCn | ContactLanguage::ZhTw => items.join("、"),
        _ => items.join(", "),
    }
}

/// What the partner's mail about a customer's message or reply tells
/// beside the words: how to reach the contact, the service, the files.
fn customer_details(
    request: &StoredRequest,
    service: Option<&str>,
    files: &[&Attachment],
    language: ContactLanguage,
) -> Vec<Said> {
    let contact = &request.request.contact;
    let reach: Vec<&str> = [contact.name.as_str(), contact.email.as_str()]
        .into_iter()
        .chain(contact.phone.as_deref())
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect();
    let mut said = vec![Said::Ours(message(
        language,
        "mail-contact",
        &[("contact", &listed(&reach, language))],
    ))];
    if let Some(service) = service.filter(|name| !name.trim().is_empty()) {
        said.push(Said::Ours(message(
            language,
            "mail-service",
            &[("service", service)],
        )));
    }
    if !files.is_empty() {
        let names: Vec<&str> = files.iter().map(|file| file.name.as_str()).collect();
        said.push(Said::Ours(message(
            language,
            "mail-files",
            &[("files", &listed(&names, language))],
        )));
    }
    said
}

/// The mails `happened` sends, each to one address. A mail to partner
/// staff (the partner's support address, or staff who filed the request)
/// is in the partner's language; a customer's in their own.
pub fn compose(outbox: &MailOutbox, happened: Happened<'_>) -> Vec<Composed> {
    let request = happened.request;
    let contact = &request.request.contact;
    let from_customer = request.request.kind == RequestKind::CustomerSelfService;
    let partner = outbox.partner_language;
    let partner_page = page(outbox.partner_portal_url.as_deref(), request);
    let words = |language, link: &Option<String>| Words {
        language,
        partner_support: outbox.partner_support.as_deref(),
        sender: outbox.sender.as_ref(),
        request_id: &request.id,
        reference: &request.reference,
        link: link.clone(),
    };
    let to_partner = words(partner, &partner_page);
    // The filer of a customer's message is the customer; of any other
    // request, partner staff (an escalation's too: 21Vianet hears of it
    // through the webhooks, never by mail).
    let to_contact = if from_customer {
        words(
            contact.language,
            &page(outbox.customer_portal_url.as_deref(), request),
        )
    } else {
        words(partner, &partner_page)
    };
    let reference = request.reference.as_str();
    let title = request.request.title.as_str();
    let mail = match happened.event_type {
        EventType::Created => match (from_customer, outbox.partner_support.as_deref()) {
            (true, Some(to)) => {
                let files: Vec<&Attachment> = request.attachments.iter().collect();
                let mut said = vec![
                    Said::Ours(message(partner, "mail-request-title", &[("title", title)])),
                    Said::Typed(request.request.description.clone()),
                ];
                said.extend(customer_details(request, happened.service, &files, partner));
                Some(to_partner.mail(
                    to,
                    &message(
                        partner,
                        "mail-subject-new-message",
                        &[("reference", reference), ("title", title)],
                    ),
                    &message(
                        partner,
                        "mail-new-message-intro",
                        &[
                            ("customer", &customer_of(request, partner)),
                            ("reference", reference),
                        ],
                    ),
                    &said,
                ))
            }
            _ => None,
        },
        // The customer answers on their own message: the partner, who
        // asked, or who resolved it, hears of it.
        EventType::ReplyAdded if happened.by_filer && from_customer => {
            match (outbox.partner_support.as_deref(), happened.reply) {
                (Some(to), Some(reply)) => {
                    let files: Vec<&Attachment> = reply.attachments.iter().collect();
                    let mut said = vec![Said::Typed(reply.body.clone())];
                    said.extend(customer_details(request, happened.service, &files, partner));
                    Some(to_partner.mail(
                        to,
                        &message(
                            partner,
                            "mail-subject-customer-reply",
                            &[("reference", reference), ("title", title)],
                        ),
                        &message(
                            partner,
                            "mail-customer-reply-intro",
                            &[
                                ("customer", &customer_of(request, partner)),
                                ("reference", reference),
                            ],
                        ),
                        &said,
                    ))
                }
                _ => None,
            }
        }
        EventType::ReplyAdded if !happened.by_filer => happened.reply.map(|reply| {
            let language = to_contact.language;
            let author = match reply.author.name.trim() {
                "" => message(language, "mail-author-unknown", &[]),
                name => name.to_owned(),
            };
            to_contact.mail(
                &contact.email,
                &message(
                    language,
                    "mail-subject-reply",
                    &[("reference", reference), ("title", title)],
                ),
                &message(
                    language,
                    "mail-reply-intro",
                    &[("author", &author), ("reference", reference)],
                ),
                &[Said::Typed(reply.body.clone())],
            )
        }),
        EventType::StatusChanged if !happened.by_filer => {
            let language = to_contact.language;
            let status = message(
                language,
                "mail-status-name",
                &[("status", request.status.as_str())],
            );
            let mut said = vec![Said::Ours(message(
                language,
                "mail-request-title",
                &[("title", title)],
            ))];
            let note = request
                .history
                .last()
                .and_then(|change| change.note.clone());
            if let Some(note) = note.filter(|note| !note.trim().is_empty()) {
                said.push(Said::Ours(message(language, "mail-status-note", &[])));
                said.push(Said::Typed(note));
            }
            Some(to_contact.mail(
                &contact.email,
                &message(
                    language,
                    "mail-subject-status",
                    &[("reference", reference), ("status", &status)],
                ),
                &message(
                    language,
                    "mail-status-intro",
                    &[("reference", reference), ("status", &status)],
                ),
                &said,
            ))
        }
        _ => None,
    };
    let mut mails: Vec<Composed> = mail
        .into_iter()
        .filter(|mail| happened.contact_confirmed || mail.to_partner)
        .collect();
    if let (EventType::Created, Some(link)) = (happened.event_type, happened.confirm_link) {
        mails.push(confirmation(&to_contact, &contact.email, link));
    }
    mails.retain(|mail| is_address(&mail.to));
    mails
}

/// The portal's page of `request`: `template` with its id and reference,
/// URL-encoded, in place of `{id}` and `{reference}`.
fn page(template: Option<&str>, request: &StoredRequest) -> Option<String> {
    let encoded =
        |value: &str| percent_encoding::utf8_percent_encode(value, UNRESERVED).to_string();
    // Neither encoded value holds a brace, so the second replacement
    // cannot reach into the first's.
    template.map(|template| {
        template
            .replace("{id}", &encoded(&request.id))
            .replace("{reference}", &encoded(&request.reference))
    })
}

/// The mail that asks a visitor to confirm the address they typed: the
/// backend's words and the reference, nothing the visitor wrote, so that it
/// relays nothing to an address that is not theirs.
fn confirmation(words: &Words<'_>, to: &str, link: &str) -> Composed {
    let language = words.language;
    let reference = words.reference;
    let days = super::confirmations::LASTS_DAYS.to_string();
    let mut mail = words.mail(
        to,
        &message(
            language,
            "mail-subject-confirm",
            &[("reference", reference)],
        ),
        &message(language, "mail-confirm-intro", &[("reference", reference)]),
        &[
            Said::Ours(message(language, "mail-confirm-ask", &[("days", &days)])),
            Said::Link {
                url: link.to_owned(),
                label: message(language, "mail-confirm-link-label", &[]),
            },
            Said::Ours(message(language, "mail-confirm-ignore", &[])),
        ],
    );
    // The portal's page would show nothing to whoever did not send it.
    mail.link = None;
    mail
}

/// Whether `to` can be mailed at all: a request filed without an e-mail
/// (or with a broken one) is not mailed.
pub fn is_address(to: &str) -> bool {
    to.parse::<lettre::Address>().is_ok()
}

/// A paragraph of a mail's body.
enum Said {
    /// The backend's own words, from Fluent.
    Ours(String),
    /// What a user typed: quoted as it is, never read as HTML.
    Typed(String),
    /// A link of the backend's own, with its label.
    Link { url: String, label: String },
}

/// What every mail about one request shares.
struct Words<'a> {
    language: ContactLanguage,
    /// The partner's support address: a mail to it is about a customer's
    /// message ([`Composed::to_partner`]).
    partner_support: Option<&'a str>,
    /// Who the mail is from, where not the mailer's `--mail-from`.
    sender: Option<&'a Sender>,
    request_id: &'a str,
    reference: &'a str,
    link: Option<String>,
}

impl Words<'_> {
    fn mail(&self, to: &str, subject: &str, intro: &str, said: &[Said]) -> Composed {
        let mut text = vec![intro.to_owned()];
        let mut html = vec![paragraph(intro)];
        for part in said {
            match part {
                Said::Ours(words) => {
                    text.push(words.clone());
                    html.push(paragraph(words));
                }
                Said::Link { url, label } => {
                    text.push(url.clone());
                    html.push(format!(
                        "<p><a href=\"{}\">{}</a></p>",
                        html_escape::encode_double_quoted_attribute(url),
                        html_escape::encode_text(label)
                    ));
                }
                Said::Typed(typed) => {
                    text.push(typed.clone());
                    html.push(format!(
                        "<blockquote style=\"white-space: pre-wrap\">{}</blockquote>",
                        html_escape::encode_text(typed)
                    ));
                }
            }
        }
        Composed {
            to: to.trim().to_owned(),
            language: self.language.as_str().to_owned(),
            reference: self.reference.to_owned(),
            request_id: Some(self.request_id.to_owned()),
            to_partner: self.partner_support.map(str::trim) == Some(to.trim()),
            subject: subject.to_owned(),
            text: text.join("\n\n"),
            html: html.join("\n"),
            link: self.link.clone(),
            sender: self.sender.cloned(),
        }
    }
}

/// Backend words or typed text alike, escaped: a name or title that a user
/// typed sits inside the intro. A line break within the words (the
/// sign-off's, before the team) is a `<br>`.
fn paragraph(words: &str) -> String {
    let lines: Vec<String> = words
        .lines()
        .map(|line| html_escape::encode_text(line).into_owned())
        .collect();
    format!("<p>{}</p>", lines.join("<br>\n"))
}

#[cfg(test)]
mod tests;
