//! The partner's customers, searched as they type and picked from a list.

mod search;
mod status;

use leptos::{ev::KeyboardEvent, prelude::*};
use support_contract::Customer;

use self::{search::Search, status::SearchStatus};
use crate::context::{scroll_into_sight, Host, Words};
use support_rules::i18n::id;

const LISTBOX_ID: &str = "sw-customer-listbox";
const INPUT_ID: &str = "sw-customer-search";

fn option_id(index: usize) -> String {
    format!("sw-customer-option-{index}")
}

/// Search the partner's customers by name or domain as they type, and pick
/// one: a WAI-ARIA combobox with a listbox popup (arrow keys move, Enter
/// picks, Escape closes the list and then clears the text). It stays one
/// component of about 170 lines because the pattern ties the input's keys,
/// the active option and the listbox's attributes to one state, which
/// children would have to hand back and forth.
#[component]
pub fn CustomerCombobox(
    /// What the partner typed; kept by the caller, so that it survives a
    /// step back.
    query: RwSignal<String>,
    on_pick: Callback<Customer>,
) -> impl IntoView {
    let words = expect_context::<Words>();
    let host = expect_context::<Host>();
    let input = NodeRef::<leptos::html::Input>::new();
    let open = RwSignal::new(!query.with_untracked(|q| q.trim().is_empty()));
    let active = RwSignal::new(None::<usize>);
    // Back on this screen with text already typed: its answer again. The
    // last answer comes with the text it answers; stale answers are ignored.
    let searches = Search::new(query.get_untracked().trim().to_owned());
    let search = move |text: String| searches.run(text);

    // Only a pause in typing starts a search.
    let on_input = move |event| {
        query.set(event_target_value(&event));
        open.set(true);
        active.set(None);
        searches.after_pause(query);
    };

    // The answer on show is for what is typed now, or the search is running.
    let current = move || {
        let typed = query.with(|q| q.trim().to_owned());
        searches
            .answer()
            .filter(|(text, _)| *text == typed)
            .map(|(_, found)| found)
    };
    let customers = move || current().and_then(Result::ok).unwrap_or_default();
    let searching = Memo::new(move |_| query.with(|q| !q.trim().is_empty()) && current().is_none());
    let expanded = move || open.get() && !customers().is_empty();

    // The option the arrow keys are on stays in sight in a list that scrolls.
    Effect::new(move |_| {
        let Some(option) = active
            .get()
            .and_then(|index| host.find(&format!("#{}", option_id(index))))
        else {
            return;
        };
        scroll_into_sight(&option);
    });
    let pick = move |index: usize| {
        if let Some(customer) = customers().get(index).cloned() {
            open.set(false);
            on_pick.run(customer);
        }
    };
    let on_keydown = move |event: KeyboardEvent| {
        // Keys that an input method is using (Enter commits its text, the
        // arrows pick among its candidates, Escape drops them) are its own;
        // Safari marks them by key code 229 alone. Text being composed is
        // still searched for as it is typed: phone keyboards compose Latin
        // words too, and pinyin can be part of a domain.
        if event.is_composing() || event.key_code() == 229 {
            return;
        }
        let count = customers().len();
        match event.key().as_str() {
            "ArrowDown" | "ArrowUp" if count > 0 => {
                event.prevent_default();
                let down = event.key() == "ArrowDown";
                open.set(true);
                active.update(|active| *active = Some(step(*active, count, down)));
            }
            "Enter" if expanded() => {
                // The option the arrow keys are on, or the one customer found.
                let index = active.get_untracked().or((count == 1).then_some(0));
                if let Some(index) = index {
                    event.prevent_default();
                    pick(index);
                }
            }
            "Escape" => {
                // Closes the list, then clears the text; with neither left,
                // Escape is not ours (in launcher mode it closes the panel).
                if expanded() {
                    event.prevent_default();
                    open.set(false);
                    active.set(None);
                } else if !query.with_untracked(String::is_empty) {
                    event.prevent_default();
                    query.set(String::new());
                }
            }
            _ => {}
        }
    };

    // A memo, as `searching` is, so that the retry button stays put while
    // the search stays failed.
    let failed = Memo::new(move |_| matches!(current(), Some(Err(_))));

    view! {
        <div class="sw-field sw-combobox">
            <label class="sw-label" for=INPUT_ID>{words.text(id::CUSTOMER_SEARCH_LABEL)}</label>
            <p class="sw-hint" id="sw-customer-search-hint">{words.text(id::CUSTOMER_SEARCH_HINT)}</p>
            <input
                node_ref=input
                class="sw-input"
                id=INPUT_ID
                type="text"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                aria-autocomplete="list"
                aria-controls=LISTBOX_ID
                aria-expanded=move || expanded().to_string()
                aria-activedescendant=move || active.get().filter(|_| expanded()).map(option_id)
                aria-describedby="sw-customer-search-hint sw-customer-search-status"
                prop:value=move || query.get()
                on:input=on_input
                on:keydown=on_keydown
            />
            <p class="sw-combobox-status" id="sw-customer-search-status" role="status" data-testid="customer-search-status">
                <SearchStatus query found=Signal::derive(current)/>
            </p>
            {move || failed.get().then(|| view! {
                <button type="button" class="sw-button sw-button-secondary" on:click=move |_| {
                    // Back to the search box, before the button goes.
                    if let Some(input) = input.get_untracked() {
                        _ = input.focus();
                    }
                    search(query.get_untracked().trim().to_owned());
                }>
                    {words.text(id::LOAD_RETRY)}
                </button>
            })}
            <ul class="sw-listbox" id=LISTBOX_ID role="listbox" aria-label=words.text(id::CUSTOMER_SEARCH_LABEL) hidden=move || !expanded()>
                {move || {
                    customers()
                        .into_iter()
                        .enumerate()
                        .map(|(index, customer)| {
                            view! {
                                <li
                                    class="sw-option"
                                    id=option_id(index)
                                    role="option"
                                    data-testid="customer-option"
                                    aria-selected=move || (active.get() == Some(index)).to_string()
                                    // Keep focus in the input, where the keyboard works.
                                    on:mousedown=|event| event.prevent_default()
                                    on:click=move |_| pick(index)
                                >
                                    <span class="sw-option-name">{customer.name}</span>
                                    <span class="sw-option-detail">{customer.domain}</span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            {move || searching.get().then(|| view! {
                <span class="sw-visually-hidden">{words.text(id::CUSTOMER_SEARCH_LOADING)}</span>
            })}
        </div>
    }
}

/// The next option in the direction of travel, wrapping at the ends.
fn step(active: Option<usize>, count: usize, down: bool) -> usize {
    match (active, down) {
        (None, true) => 0,
        (None, false) => count - 1,
        (Some(index), true) => (index + 1) % count,
        (Some(index), false) => (index + count - 1) % count,
    }
}
