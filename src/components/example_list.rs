//! The built-in examples, taken from real strategies, to start from.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::state::use_app;

/// The examples shipped under `examples/`: file name and its description.
pub const EXAMPLES: [(&str, &str); 4] = [
    ("lm-strategy-2024-2027", "Labklājības ministrija — darbības stratēģija 2024–2027"),
    ("lm-strategy-2020-2023", "Labklājības ministrija — darbības stratēģija 2020–2023 ar 2023. gada novērtējumu"),
    ("social-protection-guidelines-2021-2027", "Sociālās aizsardzības un darba tirgus politikas pamatnostādnes 2021–2027"),
    ("digital-governance-agency-2025-2028", "Digitālās pārvaldības attīstības aģentūra (izdomāts piemērs) — darbības stratēģija 2025–2028"),
];

async fn fetch_text(url: &str) -> Result<String, String> {
    let response = JsFuture::from(window().fetch_with_str(url)).await.map_err(|e| format!("{e:?}"))?;
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|e| format!("{e:?}"))?).await.map_err(|e| format!("{e:?}"))?;
    Ok(text.as_string().unwrap_or_default())
}

/// Buttons that open an example as a new strategy (a copy, so the example stays as it is).
#[component]
pub fn ExampleList() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let open = move |name: &'static str| {
        leptos::task::spawn_local(async move {
            match fetch_text(&format!("examples/{name}.json")).await {
                Ok(text) => {
                    app.import.start_import(&text);
                    app.import.finish_import(crate::state::ImportMode::AsCopy);
                }
                Err(e) => app.notices.error(e),
            }
        });
    };
    view! {
        <section class="examples" aria-labelledby="examples-title">
            <h2 id="examples-title">{move || t().examples_title}</h2>
            <ul class="example-list">
                {EXAMPLES
                    .into_iter()
                    .map(|(name, label)| {
                        view! {
                            <li>
                                <span>{label}</span>
                                <button type="button" class="button small" on:click=move |_| open(name) aria-label=move || format!("{}: {label}", t().use_as_template)>
                                    {move || t().use_as_template}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
