//! Where the user is, kept in the URL's hash (`#/s/<id>/structure`) so reload,
//! back and forward work on any static host.

/// A section of the strategy editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Overview,
    Structure,
    Context,
    Indicators,
    Monitoring,
    Dashboard,
    Evaluation,
    Map,
    Checks,
    /// The workshop's presenter page.
    Workshop,
    /// Documents: preview, print and download the generated documents.
    Reports,
    /// This strategy beside another one or one of its snapshots.
    Compare,
}

impl Section {
    /// Every section, in the navigation's order.
    pub const ALL: [Section; 12] = [
        Section::Overview,
        Section::Structure,
        Section::Context,
        Section::Indicators,
        Section::Monitoring,
        Section::Dashboard,
        Section::Evaluation,
        Section::Map,
        Section::Checks,
        Section::Workshop,
        Section::Reports,
        Section::Compare,
    ];

    /// Whether the section edits the strategy (the goal map, dashboard and
    /// checks, documents and comparison only show it).
    pub fn edits(self) -> bool {
        !matches!(self, Section::Dashboard | Section::Map | Section::Checks | Section::Reports | Section::Compare)
    }

    /// The URL slug.
    pub fn slug(self) -> &'static str {
        match self {
            Section::Overview => "overview",
            Section::Structure => "structure",
            Section::Context => "context",
            Section::Indicators => "indicators",
            Section::Monitoring => "monitoring",
            Section::Dashboard => "dashboard",
            Section::Evaluation => "evaluation",
            Section::Map => "map",
            Section::Checks => "checks",
            Section::Workshop => "workshop",
            Section::Reports => "documents",
            Section::Compare => "compare",
        }
    }

    fn from_slug(slug: &str) -> Option<Self> {
        Section::ALL.into_iter().find(|s| s.slug() == slug)
    }
}

/// A page of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Library,
    Strategy { id: String, section: Section, focus: Option<String> },
    /// A workshop's audience window (`#/s/<id>/audience`): it follows the
    /// presenter over a channel and opens nothing itself.
    Audience { id: String },
}

impl Route {
    /// Reads a location hash such as `#/s/lm-2024-2027/structure/g4`.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            ["s", id, "audience", ..] => Route::Audience { id: decode(id) },
            ["s", id, rest @ ..] => {
                let section = rest.first().and_then(|s| Section::from_slug(s)).unwrap_or(Section::Overview);
                let focus = rest.get(1).map(|f| decode(f));
                Route::Strategy { id: decode(id), section, focus }
            }
            _ => Route::Library,
        }
    }

    /// The hash for this route.
    pub fn hash(&self) -> String {
        match self {
            Route::Library => "#/".into(),
            Route::Audience { id } => format!("#/s/{}/audience", encode(id)),
            Route::Strategy { id, section, focus: None } => format!("#/s/{}/{}", encode(id), section.slug()),
            Route::Strategy { id, section, focus: Some(f) } => format!("#/s/{}/{}/{}", encode(id), section.slug(), encode(f)),
        }
    }

    /// The id of the strategy this route opens (the audience window opens none).
    pub fn strategy_id(&self) -> Option<&str> {
        match self {
            Route::Strategy { id, .. } => Some(id),
            Route::Library | Route::Audience { .. } => None,
        }
    }
}

fn encode(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}

fn decode(s: &str) -> String {
    js_sys::decode_uri_component(s).map(String::from).unwrap_or_else(|_| s.to_string())
}

/// Goes to `to` through the URL (so back and forward work), and sets `route` to it.
pub fn navigate(route: leptos::prelude::RwSignal<Route>, to: Route) {
    use leptos::prelude::{window, Set};
    let hash = to.hash();
    if window().location().hash().unwrap_or_default() != hash {
        let _ = window().location().set_hash(&hash);
    }
    route.set(to);
}
