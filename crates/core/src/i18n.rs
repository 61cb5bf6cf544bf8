//! The interface's words in Latvian and English: a typed catalogue, so a
//! string missing in one language does not compile. Strategy content is never
//! translated; it is whatever the user typed.

use serde::{Deserialize, Serialize};

use crate::model::{Direction, IndicatorKind, Name, PolicyLevel, Rating, RiskKind, Status, SwotKind};

/// Interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Lv,
    En,
}

impl Lang {
    /// The BCP 47 code, for `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Lv => "lv",
            Lang::En => "en",
        }
    }

    /// A name the strategy gives in both languages, in this one (the other
    /// language's when this one is empty).
    pub fn name(self, name: &Name) -> &str {
        let (own, other) = match self {
            Lang::Lv => (&name.lv, &name.en),
            Lang::En => (&name.en, &name.lv),
        };
        if own.trim().is_empty() { other } else { own }
    }

    /// The catalogue of this language.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Lv => &LV,
            Lang::En => &EN,
        }
    }
}

macro_rules! catalogue {
    ($($key:ident: $lv:expr, $en:expr;)*) => {
        /// Every interface string, one field each.
        #[derive(Debug)]
        pub struct Texts { $(pub $key: &'static str,)* }
        /// Latvian.
        pub const LV: Texts = Texts { $($key: $lv,)* };
        /// English.
        pub const EN: Texts = Texts { $($key: $en,)* };
        #[cfg(test)]
        fn all(t: &Texts) -> Vec<(&'static str, &'static str)> { vec![$((stringify!($key), t.$key),)*] }
    };
}

catalogue! {
    // App shell
    app_name: "Strategy Studio", "Strategy Studio";
    interface_language: "Saskarnes valoda", "Interface language";
    library: "Bibliotēka", "Library";
    undo: "Atsaukt", "Undo";
    redo: "Atcelt atsaukšanu", "Redo";
    saved: "Saglabāts", "Saved";
    saving: "Saglabā…", "Saving…";
    not_saved: "Nav saglabāts", "Not saved";
    close: "Aizvērt", "Close";
    cancel: "Atcelt", "Cancel";
    save: "Saglabāt", "Save";
    remove: "Dzēst", "Remove";
    add: "Pievienot", "Add";
    move_up: "Uz augšu", "Move up";
    move_down: "Uz leju", "Move down";
    loading: "Ielādē…", "Loading…";
    update_ready: "Ir gatava jauna versija", "A new version is ready";
    update_reload: "Pārlādēt", "Reload";
    update_later: "Vēlāk", "Later";

    // Library
    library_title: "Stratēģijas šajā pārlūkā", "Strategies in this browser";
    library_hint: "Viss tiek saglabāts tikai šajā pārlūkā. Lai dalītos ar kolēģiem, eksportējiet JSON failu.", "Everything is kept in this browser only. To share with colleagues, export a JSON file.";
    start_title: "Sāciet savu stratēģiju", "Start your strategy";
    new_strategy: "Jauna stratēģija", "New strategy";
    import_file: "Importēt failu", "Import a file";
    paste_json: "Ielīmēt JSON", "Paste JSON";
    paste_json_label: "JSON teksts", "JSON text";
    paste_json_go: "Pārbaudīt un importēt", "Check and import";
    drop_hint: "Ievelciet JSON failu jebkur šajā lapā, lai to importētu.", "Drop a JSON file anywhere on this page to import it.";
    col_title: "Nosaukums", "Title";
    col_institution: "Iestāde", "Institution";
    col_period: "Periods", "Period";
    col_updated: "Pēdējās izmaiņas", "Last change";
    col_actions: "Darbības", "Actions";
    open: "Atvērt", "Open";
    duplicate: "Dublēt", "Duplicate";
    rename: "Pārdēvēt", "Rename";
    export: "Eksportēt", "Export";
    delete: "Dzēst", "Delete";
    new_title: "Jaunais nosaukums", "New title";
    copy_suffix: "(kopija)", "(copy)";
    deleted: "Dzēsta stratēģija “{title}”.", "Deleted “{title}”.";
    recently_deleted: "Nesen dzēstās", "Recently deleted";
    recently_deleted_hint: "Dzēstās stratēģijas šeit glabājas 30 dienas; tās var atjaunot. Pēc tam tās tiek izdzēstas pavisam.", "Deleted strategies are kept here for 30 days and can be restored. After that they are removed for good.";
    col_deleted: "Dzēsta", "Deleted";
    restore: "Atjaunot", "Restore";
    restored: "Atjaunota stratēģija “{title}”.", "Restored “{title}”.";
    restored_as_copy: "Atjaunota stratēģija “{title}” kā jauna stratēģija, jo tās identifikators jau ir aizņemts.", "Restored “{title}” as a new strategy, since its id is taken by now.";
    damaged_entry: "Bojāts ieraksts: to nevar nolasīt. Neapstrādātie dati ir saglabāti atsevišķi un netiks pārrakstīti.", "Damaged entry: it cannot be read. Its raw data is kept aside and will not be overwritten.";
    unexported: "nav eksportēta", "not exported";
    unexported_hint: "Mainīta kopš pēdējā eksporta (vai nekad nav eksportēta): eksportējiet failu, lai kopija būtu arī ārpus šī pārlūka.", "Changed since it was last exported (or never exported): export a file to keep a copy outside this browser.";
    newer_entry: "Saglabāts jaunākā Strategy Studio versijā (formāta versija {version}). Pārlādējiet lapu, lai saņemtu jauno versiju; šī versija to nemainīs.", "Saved by a newer Strategy Studio (format version {version}). Reload the page to get the new version; this version will not change it.";
    newer_elsewhere: "Cita cilne saglabāja šo stratēģiju jaunākā Strategy Studio versijā. Šī versija to nepārrakstīs: eksportējiet savu versiju un pārlādējiet lapu.", "Another tab saved this strategy with a newer Strategy Studio. This version will not overwrite it: export your version and reload the page.";
    download_raw: "Lejupielādēt neapstrādātos datus", "Download raw data";
    untitled: "Stratēģija bez nosaukuma", "Untitled strategy";
    create: "Izveidot", "Create";
    examples_title: "Piemēri no reālām stratēģijām", "Examples from real strategies";
    use_as_template: "Izmantot kā sagatavi", "Use as a template";

    // Import
    import_preview: "Importa priekšskatījums", "Import preview";
    import_refused: "Šo failu nevar importēt", "This file cannot be imported";
    nothing_changed: "Nekas netika mainīts.", "Nothing was changed.";
    problems_count: "Problēmas: {n}", "Problems: {n}";
    ids_replaced: "Nedrošiem identifikatoriem ({n}) importējot tiks doti jauni; saites uz tiem tiks pārrakstītas:", "Unsafe ids ({n}) get fresh ones on import; links to them are rewritten:";
    error: "Kļūda", "Error";
    warning: "Brīdinājums", "Warning";
    migrated_note: "Fails ir vecākā formāta versijā {version}; importējot tas tiks pārveidots.", "The file is in the older format version {version}; it will be converted on import.";
    already_here: "Šajā pārlūkā jau ir šī stratēģija: “{title}”.", "This strategy is already in this browser: “{title}”.";
    do_import: "Importēt", "Import";
    import_as_copy: "Importēt kā kopiju", "Import as a copy";
    replace_existing: "Aizstāt esošo", "Replace the existing one";
    imported: "Importēta stratēģija “{title}”.", "Imported “{title}”.";
    file_unreadable: "Failu nevarēja nolasīt ({reason}).", "The file could not be read ({reason}).";
    file_too_large: "Fails ir pārāk liels ({size} MB). Lielākais atļautais izmērs ir {max} MB.", "The file is too large ({size} MB). The largest allowed is {max} MB.";

    // Storage
    quota_full: "Pārlūka krātuve ir pilna: pēdējās izmaiņas nav saglabātas. Tās joprojām ir atvērtas šeit — eksportējiet failu, lai tās nepazaudētu.", "The browser's storage is full: your latest changes are not saved. They are still open here — export a file so you do not lose them.";
    storage_error: "Neizdevās saglabāt pārlūkā ({reason}). Izmaiņas joprojām ir atvērtas šeit — eksportējiet failu.", "Could not save in the browser ({reason}). Your changes are still open here — export a file.";
    export_now: "Eksportēt tagad", "Export now";
    not_stored_full: "Pārlūka krātuve šai vietnei ir pilna, tāpēc “{title}” netika saglabāta; nekas netika mainīts. Izdzēsiet stratēģijas, kas šeit vairs nav vajadzīgas (vispirms tās eksportējiet), un mēģiniet vēlreiz.", "The browser's storage for this site is full, so “{title}” was not stored; nothing was changed. Delete strategies you no longer need here (export them first), then try again.";
    conflict: "Šo stratēģiju izmainīja citā cilnē. Saglabāšana ir apturēta, lai neviena versija netiktu pārrakstīta.", "This strategy was changed in another tab. Saving is paused so that neither version is overwritten.";
    load_theirs: "Ielādēt otras cilnes versiju", "Load the other tab's version";
    keep_mine: "Paturēt manu versiju", "Keep my version";
    export_mine: "Eksportēt manu versiju", "Export my version";
    read_only: "Šo stratēģiju rediģē citā cilnē. Šeit tā ir tikai lasāma un seko tās saglabātajām izmaiņām.", "This strategy is being edited in another tab. Here it is read-only and follows what that tab saves.";
    take_over: "Pārņemt rediģēšanu", "Take over editing";
    deleted_elsewhere: "Šī stratēģija citā cilnē ir dzēsta. Tā joprojām ir atvērta šeit; saglabājiet vai eksportējiet to.", "This strategy was deleted in another tab. It is still open here; save or export it.";
    storage_persistent: "Dati šajā pārlūkā tiek glabāti pastāvīgi", "Stored persistently in this browser";
    storage_not_persistent: "Pārlūks var šos datus izdzēst — glabājiet eksportētu failu", "This browser may clear this data — keep an exported file";
    storage_used: "Izmantoti {used} no {quota}", "{used} of {quota} used";

    // Editor sections
    no_years: "Nav gadu: periods sākas pēc tā beigām", "No years: the period starts after it ends";
    section_overview: "Pārskats", "Overview";
    section_structure: "Struktūra", "Structure";
    section_context: "Konteksts", "Context";
    section_indicators: "Rādītāji", "Indicators";
    section_map: "Mērķu karte", "Goal map";
    section_checks: "Pārbaude", "Checks";
    sections_label: "Stratēģijas sadaļas", "Strategy sections";
    no_problems: "Problēmu nav.", "No problems found.";
    show: "Parādīt", "Show";

    // Overview
    title: "Nosaukums", "Title";
    institution_name: "Iestāde", "Institution";
    institution_short: "Saīsinājums", "Short name";
    start_year: "Sākuma gads", "Start year";
    end_year: "Beigu gads", "End year";
    content_language: "Satura valoda", "Content language";
    lang_lv: "latviešu", "Latvian";
    lang_en: "angļu", "English";
    lang_both: "abas", "both";
    foreword: "Priekšvārds", "Foreword";
    signatory_name: "Parakstītājs", "Signed by";
    signatory_position: "Amats", "Position";
    mandate: "Mandāts", "Mandate";
    mission: "Misija — kāpēc esam?", "Mission — why do we exist?";
    vision: "Vīzija — kas vēlamies būt?", "Vision — what do we want to become?";
    values: "Vērtības — kas mums ir svarīgi?", "Values — what matters to us?";
    value_name: "Vērtība", "Value";
    value_definition: "Definīcija", "Definition";
    add_value: "Pievienot vērtību", "Add a value";
    overarching_goal: "Virsmērķis", "Overarching goal";
    has_overarching_goal: "Stratēģijai ir virsmērķis", "This strategy has an overarching goal";
    description: "Apraksts", "Description";
    notes: "Piezīmes", "Notes";

    // Structure
    level_names: "Līmeņu nosaukumi", "Level names";
    add_indicator: "Pievienot rādītāju", "Add an indicator";
    purpose: "Ko darīsim?", "What will we do?";
    move_to_priority: "Pārvietot uz", "Move to";
    outline_hint: "Vienumus var pārvietot, velkot tos, vai ar Alt+↑ / Alt+↓.", "Drag items to reorder them, or use Alt+↑ / Alt+↓.";
    new_indicator: "Jauns rādītājs", "New indicator";
    levels: "Līmeņi", "Levels";
    levels_hint: "Kā šī stratēģija sauc katru līmeni un kā numurē tā vienumus.", "What this strategy calls each level and how its items are numbered.";
    level_n: "{n}. līmenis", "Level {n}";
    name_lv: "Nosaukums latviski", "Name in Latvian";
    name_en: "Nosaukums angliski", "Name in English";
    numbering: "Numerācija", "Numbering";
    numbering_global: "Visā stratēģijā (1, 2, 3…)", "Across the strategy (1, 2, 3…)";
    numbering_hierarchical: "Zem augstākā vienuma (1.1, 1.2…)", "Under the parent (1.1, 1.2…)";
    add_level: "Pievienot līmeni", "Add a level";
    remove_last_level: "Dzēst pēdējo līmeni", "Remove the last level";
    last_level_in_use: "Pēdējā līmenī ir vienumi ({count}): lai to dzēstu, vispirms tos pārvietojiet vai dzēsiet.", "The last level has items ({count}): move or remove them to remove it.";
    indicators_level: "Rādītāji", "Indicators";
    add_named: "Pievienot: {name}", "Add: {name}";
    add_overarching_goal: "Pievienot virsmērķi", "Add an overarching goal";
    goal_statement: "Prioritātes mērķis", "Goal of the priority";
    fixed_number: "Numurs (tukšs — skaita automātiski)", "Number (empty: counted automatically)";
    also_serves_items: "Kalpo arī", "Also serves";
    node_details: "Apraksts, numurs, saites", "Description, number, links";
    collapse: "Sakļaut", "Collapse";
    expand: "Izvērst", "Expand";
    collapse_all: "Sakļaut visu", "Collapse all";
    expand_all: "Izvērst visu", "Expand all";
    outline_keys: "Nosaukuma laukā: Enter — jauns vienums aiz tā; Tab / Shift+Tab — līmeni zemāk / augstāk; Alt+↑ / Alt+↓ — pārvietot starp blakus vienumiem; Esc un tad Tab — iziet no lauka. Vienumus var arī vilkt: uz vienuma — novieto pirms tā, uz tā apakšdaļas — ieliek zem tā.", "In a title: Enter adds an item after it; Tab / Shift+Tab moves it a level down / up; Alt+↑ / Alt+↓ moves it among its siblings; Esc then Tab leaves the field. Items can also be dragged: onto an item to go before it, onto its lower part to go under it.";
    cannot_move: "Šeit to pārvietot nevar.", "It cannot move there.";
    now_at: "Tagad: {name} {number}", "Now: {name} {number}";

    // Indicators
    indicator_name: "Rādītājs", "Indicator";
    unit: "Mērvienība", "Unit";
    kind: "Veids", "Kind";
    direction: "Virziens", "Direction";
    key_indicator: "Galvenais", "Key";
    baseline: "Bāzes vērtība", "Baseline";
    baseline_year: "Bāzes gads", "Baseline year";
    final_target: "Perioda beigās", "End of period";
    targets: "Mērķa vērtības", "Targets";
    data_source: "Datu avots", "Data source";
    responsible: "Atbildīgie", "Responsible";
    frequency: "Biežums", "Frequency";
    // Condition editor (targets)
    conditions: "Nolasītie nosacījumi", "Conditions read";
    as_written: "Kā rakstīts", "As written";
    condition_n: "{n}. nosacījums", "Condition {n}";
    operator: "Nosacījums", "Operator";
    condition_value: "Vērtība", "Value";
    condition_value_to: "Līdz", "Up to";
    change_against: "Salīdzinot ar", "Against";
    against_baseline: "bāzes vērtību", "the baseline";
    against_previous_year: "iepriekšējo gadu", "the previous year";
    against_year: "noteiktu gadu", "a named year";
    reference_year: "Salīdzināmais gads", "Year compared with";
    condition_year: "Gads", "Year";
    in_total: "Kopā no pirmā mērķa gada (kumulatīvi)", "In total from the first target year (cumulative)";
    times_per: "Periodā", "Per";
    per_year: "gadā", "a year";
    per_half_year: "pusgadā", "a half-year";
    per_quarter: "ceturksnī", "a quarter";
    per_month: "mēnesī", "a month";
    stage: "Posms", "Stage";
    stage_in_preparation: "sagatavošana", "in preparation";
    stage_started: "uzsākts", "started";
    stage_continues: "turpina darbu", "continues";
    stage_completed: "pabeigts", "completed";
    rating_level: "Līmenis", "Level";
    add_condition: "Pievienot nosacījumu", "Add a condition";
    remove_condition: "Dzēst {n}. nosacījumu", "Remove condition {n}";
    read_from_text: "Nolasīt vēlreiz no teksta", "Read again from the text";
    no_conditions: "Teksts nav nolasīts: statusu var aprēķināt, kad pievienots nosacījums.", "The text was not read: the status is computed once a condition is added.";
    op_at_least: "vismaz (≥)", "at least (≥)";
    op_more_than: "vairāk nekā (>)", "more than (>)";
    op_at_most: "ne vairāk kā (≤)", "at most (≤)";
    op_less_than: "mazāk nekā (<)", "less than (<)";
    op_equal: "vienāds ar (=)", "equal to (=)";
    op_range: "no–līdz", "range from–to";
    op_does_not_increase: "nepalielinās", "does not increase";
    op_does_not_decrease: "nesamazinās", "does not decrease";
    op_unchanged: "nemainās", "unchanged";
    op_increases: "pieaug", "increases";
    op_decreases: "samazinās", "decreases";
    op_done_in: "izpildīts gadā", "done in year";
    op_at_least_times: "vismaz N reizes", "at least N times";
    op_percent_change: "izmaiņa procentos (±%)", "change in percent (±%)";
    op_increment: "izmaiņa vienībās (±)", "change in units (±)";
    op_stage_reached: "sasniegts posms", "stage reached";
    op_baseline_set_in: "bāzes vērtību nosaka gadā", "baseline measured in year";
    op_rating_at_least: "vērtējums ne zemāks par", "rating not below";
    footnote: "Piezīme", "Footnote";
    table_hint: "Tab / Enter / ↑ ↓ pārvietojas pa šūnām. Ielīmējiet rindas no izklājlapas, lai aizpildītu vairākas šūnas.", "Tab / Enter / ↑ ↓ move between cells. Paste rows from a spreadsheet to fill several cells.";
    not_understood: "Nav saprasts: saglabāts kā teksts", "Not understood: kept as text";
    chart_of: "Grafiks: {name}", "Chart: {name}";
    no_indicators: "Šajā stratēģijā vēl nav rādītāju. Pievienojiet tos sadaļā Struktūra.", "This strategy has no indicators yet. Add them under Structure.";
    actual: "Faktiskā vērtība", "Actual";
    target: "Mērķis", "Target";
    chart_failed: "Grafiku nevarēja uzzīmēt.", "The chart could not be drawn.";

    // Context
    target_groups: "Mērķgrupas un to vajadzības", "Target groups and their needs";
    needs_one_per_line: "Vajadzības (katra savā rindā)", "Needs (one per line)";
    interests_one_per_line: "Intereses (katra savā rindā)", "Interests (one per line)";
    target_group_name_lv: "Kā stratēģija sauc mērķgrupas (latviski)", "What the strategy calls its target groups (Latvian)";
    target_group_name_en: "Kā stratēģija sauc mērķgrupas (angliski)", "What the strategy calls its target groups (English)";
    add_target_group: "Pievienot mērķgrupu", "Add a target group";
    policy_documents: "Politikas plānošanas dokumenti", "Policy planning documents";
    add_policy_document: "Pievienot dokumentu", "Add a document";
    policy_level: "Līmenis", "Level";
    themes: "Tēmas (ar komatu)", "Themes (comma separated)";
    link_url: "Saite (http:// vai https://)", "Link (http:// or https://)";
    opens_in_new_tab: "(atveras jaunā cilnē)", "(opens in a new tab)";
    swot_sub_items: "Apakšpunkti (katrs savā rindā)", "Points under it (one per line)";
    swot_items_linked: "SVID faktori, kas saistīti ar šo vienumu", "SWOT items linked to this item";
    swot: "SVID un vides faktori", "SWOT and environment factors";
    add_swot: "Pievienot faktoru", "Add a factor";
    risks: "Riski", "Risks";
    add_risk: "Pievienot risku", "Add a risk";
    likelihood: "Varbūtība", "Likelihood";
    impact: "Ietekme", "Impact";
    mitigation: "Mazināšana", "Mitigation";
    risk_kind: "Iekšējs vai ārējs", "Internal or external";
    risk_owner: "Atbildīgais par risku", "Risk owner";
    resources: "Resursi", "Resources";
    human_resources: "Cilvēkresursi", "Human resources";
    financial_resources: "Finanšu resursi", "Financial resources";
    technical_resources: "Tehniskie resursi", "Technical resources";
    units: "Struktūrvienības", "Organisational units";
    unit_code: "Kods", "Code";
    add_unit: "Pievienot struktūrvienību", "Add a unit";
    monitoring: "Ieviešana un uzraudzība", "Implementation and monitoring";
    review_frequency: "Pārskatīšanas biežums", "Review frequency";
    text: "Teksts", "Text";
    analysis: "Analīze un metodoloģija", "Analysis and methodology";
    context_analysis: "Konteksta analīze", "Context analysis";
    methodology: "Izstrādes metodoloģija", "Methodology";
    glossary: "Saīsinājumi", "Abbreviations";
    add_abbreviation: "Pievienot saīsinājumu", "Add an abbreviation";
    abbreviation_short: "Saīsinājums", "Abbreviation";
    abbreviation_long: "Pilnā forma", "In full";
    references: "Atsauces un avoti", "References and sources";
    add_reference: "Pievienot atsauci", "Add a reference";

    // Real files
    save_to_file: "Saglabāt failā…", "Save to file…";
    open_file: "Atvērt failu…", "Open file…";
    file_saved_to: "Saglabāts failā {name}", "Saved to {name}";
    file_writing: "Raksta failā {name}…", "Writing {name}…";
    file_failed: "Nav ierakstīts failā {name}", "Not written to {name}";
    file_not_written: "Failu {name} neizdevās ierakstīt ({reason}). Dati ir saglabāti šajā pārlūkā; mēģiniet vēlreiz vai eksportējiet.", "Could not write {name} ({reason}). The data is kept in this browser; try again or export.";
    file_nothing_to_write: "stratēģija šajā pārlūkā vairs nav atrodama", "the strategy is no longer in this browser";
    keep_a_file: "“{title}” ir mainīta tikai šajā pārlūkā. Saglabājiet kopiju failā, lai to nezaudētu.", "“{title}” has changes kept only in this browser. Keep a copy in a file so that it cannot be lost.";

    // Goal map
    map_title: "Mērķu karte", "Goal map";
    map_status_colours: "Rādīt statusu krāsas", "Show status colours";
    map_year: "Gads", "Year";
    map_fit: "Ietilpināt ekrānā", "Fit to screen";
    show_more: "Rādīt vēl {n} (kopā {total})", "Show {n} more (of {total})";
    map_present: "Prezentēt", "Present";
    map_legend: "Statusu apzīmējumi", "Status legend";
    map_previous: "Iepriekšējā prioritāte", "Previous priority";
    map_next: "Nākamā prioritāte", "Next priority";
    map_print: "Drukāt", "Print";
    zoom_in: "Tuvināt", "Zoom in";
    zoom_out: "Tālināt", "Zoom out";
    map_empty: "Kartē vēl nav ko rādīt: pievienojiet prioritātes un mērķus sadaļā Struktūra.", "Nothing to map yet: add priorities and goals under Structure.";
    map_levels: "Rādītie līmeņi", "Levels shown";
    map_show_all: "rādīt visu", "show all";
    map_collapse: "Sakļaut: {name}", "Collapse: {name}";
    map_expand: "Izvērst: {name}", "Expand: {name}";

    // Monitoring and dashboard
    section_monitoring: "Uzraudzība", "Monitoring";
    section_dashboard: "Informācijas panelis", "Dashboard";
    reporting_year: "Pārskata gads", "Reporting year";
    reporting_period: "Periods", "Period";
    whole_year: "Viss gads", "Whole year";
    half_year: "{n}. pusgads", "Half-year {n}";
    reported_progress: "Dati par {year}. gadu ievadīti {done} no {total} rādītājiem", "{done} of {total} indicators reported for {year}";
    key_achieved: "Galvenie rādītāji: izpildīti {achieved} no {assessed} novērtētajiem ({total} kopā)", "Key indicators: {achieved} of {assessed} assessed achieved ({total} in all)";
    status: "Statuss", "Status";
    comment: "Komentārs", "Comment";
    evidence_url: "Pamatojošā dokumenta saite", "Evidence link";
    status_override: "Statuss noteikts manuāli", "Status set by hand";
    override_reason: "Pamatojums", "Reason";
    milestone_done: "Paveikts", "Done";
    milestone_not_done: "Nav paveikts", "Not done";
    actual_hint_milestone: "jā vai nē", "yes or no";
    computed: "Aprēķinātais statuss", "Computed status";
    all: "Visi", "All";
    no_matching: "Neviens rādītājs neatbilst atlasei.", "No indicator matches the filter.";
    show_chart: "Rādīt grafiku", "Show chart";
    // Levels in the indicator table, monitoring and dashboard (ui-pages)
    indicator_owner: "Vienums", "Item";
    filter_level: "Līmenis", "Level";
    filter_branch: "Zars", "Branch";
    filter_text: "Atrast", "Find";
    filter_text_hint: "numurs, vienums vai nosaukums", "number, item or name";
    rows_shown: "Rādītāji: {shown} no {total}", "Indicators: {shown} of {total}";
    group_by: "Grupēt pēc", "Group by";
    no_grouping: "negrupēt", "no grouping";
    level_achieved: "{level}: sasniegti {achieved} no {total}", "{level}: {achieved} of {total} achieved";
    status_by_level: "Rādītāju statuss — {level}", "Indicator status — {level}";
    level_by_year: "{level}: statuss pa gadiem", "{level}: status by year";
    group_indicators: "Rādītāji: {n}", "Indicators: {n}";
    overarching_in_structure: "Virsmērķa rādītājus un uzdevumus rediģē sadaļā Struktūra.", "The overarching goal's indicators and tasks are edited under Structure.";
    level_counts: "Apjoms", "Size";
    swot_links: "Saistīts ar", "Linked to";
    swot_links_count: "Saistīts ar ({n})", "Linked to ({n})";
    other_indicators: "Citi rādītāji", "Other indicators";
    // Documents (docs builders: strategy document, annual report, indicator workbook)
    doc_foreword: "Priekšvārds", "Foreword";
    doc_mandate: "Darbības pilnvarojums (mandāts)", "Mandate";
    doc_mission: "Misija", "Mission";
    doc_vision: "Vīzija", "Vision";
    doc_values: "Vērtības", "Values";
    doc_priorities_goals: "Prioritātes un mērķi", "Priorities and goals";
    doc_goal_map: "Mērķu karte", "Goal map";
    doc_needs: "Vajadzības", "Needs";
    doc_interests: "Intereses", "Interests";
    doc_policy_documents: "Politikas plānošanas dokumenti", "Policy planning documents";
    doc_policy_level: "Līmenis", "Level";
    doc_swot: "SVID analīze", "SWOT analysis";
    doc_risks: "Riski", "Risks";
    doc_risk: "Risks", "Risk";
    doc_likelihood: "Iespējamība", "Likelihood";
    doc_impact: "Ietekme", "Impact";
    doc_mitigation: "Mazināšanas pasākumi", "Mitigation";
    doc_resources: "Resursi", "Resources";
    doc_human_resources: "Cilvēkresursi", "Human resources";
    doc_financial_resources: "Finanšu resursi", "Financial resources";
    doc_technical_resources: "Tehniskie resursi", "Technical resources";
    doc_monitoring: "Ieviešana un uzraudzība", "Implementation and monitoring";
    doc_review_frequency: "Pārskatīšanas biežums", "Review frequency";
    doc_indicator_table: "Sasniedzamie rezultāti un to snieguma rādītāji", "Results and their performance indicators";
    doc_unit: "Mērvienība", "Unit";
    doc_baseline: "Bāzes vērtība", "Baseline";
    doc_baseline_year: "Bāzes vērtības gads", "Baseline year";
    doc_final_target: "Mērķvērtība perioda beigās", "Target at the end of the period";
    doc_data_source: "Datu avots", "Data source";
    doc_responsible: "Atbildīgā struktūrvienība", "Responsible unit";
    doc_annual_title: "Gada publiskais pārskats par {year}. gadu", "Annual public report for {year}";
    doc_implementation: "Darbības stratēģijas ieviešana", "Implementation of the operational strategy";
    doc_annex7: "Darbības stratēģijas {period}. gadam rādītāju ieviešana", "Operational strategy {period}: indicators and their implementation";
    doc_results_indicators: "Sasniedzamie rezultāti un to rādītāji", "Results and their indicators";
    doc_level_indicators: "{level} un to rādītāji", "{level} and their indicators";
    doc_achieved: "Sasniegtais", "Achieved";
    doc_annex6: "Darbības stratēģijas {period}. gadam novērtējums", "Evaluation of the operational strategy {period}";
    doc_no_evaluation: "Par šo gadu novērtējuma nav.", "There is no evaluation for this year.";
    doc_mission_criteria: "Misijas vērtēšana (kritēriji: oriģināla, fundamentāla, uzrunājoša, neaizmirstama)", "Mission assessment (criteria: original, fundamental, appealing, memorable)";
    doc_vision_criteria: "Vīzijas vērtēšana (kritēriji: nākotnē vērsta, norādoša, ambicioza, aprakstoša)", "Vision assessment (criteria: future-oriented, directive, ambitious, descriptive)";
    doc_criterion: "Kritērijs", "Criterion";
    doc_met: "Atbilst", "Met";
    doc_not_met: "Neatbilst", "Not met";
    doc_reasoning: "Pamatojums", "Reasoning";
    doc_values_analysis: "Vērtību analīze (aptauja un vērtību atbilstība izvirzītajām prioritātēm un mērķiem)", "Values analysis (survey, and how the values fit the priorities and goals)";
    doc_values_survey: "Vērtību aptauja", "Values survey";
    doc_survey_item: "Aptaujas jautājums", "Survey item";
    doc_survey_answer: "Rezultāts", "Result";
    doc_values_priorities: "Vērtību atbilstība prioritātēm", "Values and priorities";
    doc_values_goals: "Mērķu un vērtību sasaiste", "Values and goals";
    doc_marked: "x", "x";
    doc_relevance: "Atbilstība", "Relevance";
    doc_light: "Vērtējums", "Rating";
    doc_light_green: "Zaļš: rezultāti atbilst mērķim", "Green: the results fit the goal";
    doc_light_orange: "Oranžs: rezultātu varēja formulēt detalizētāk", "Orange: the results could be more precise";
    doc_light_red: "Sarkans: rezultāti daļēji atbilst mērķim", "Red: the results only partly fit the goal";
    doc_effectiveness: "Rezultativitāte", "Effectiveness";
    doc_coherence: "Saskaņotība", "Coherence";
    doc_recommendations: "Rekomendācijas nākamajam periodam", "Recommendations for the next period";
    doc_workbook_title: "Rādītāju darbgrāmata", "Indicator workbook";
    doc_target_year: "{year} mērķis", "{year} target";
    doc_actual_year: "{year} faktiski", "{year} actual";
    doc_status_year: "{year} statuss", "{year} status";
    // Export writers (DOCX, XLSX)
    export_image_note: "Attēls „{alt}” ir šī dokumenta HTML un drukas (PDF) versijā.", "The figure “{alt}” is in this document's HTML and print (PDF) versions.";
    export_sheet: "Tabula {n}", "Table {n}";
    // Workshop (issue 15)
    section_workshop: "Darbnīca", "Workshop";
    workshop_start: "Sākt darbnīcu", "Start a workshop";
    workshop_intro: "Darbnīcā telpa kopā veido stratēģijas projektu: projektoram atveras auditorijas logs, vadība paliek šeit. Viss tiek ierakstīts tieši stratēģijā.", "In a workshop the room builds the draft together: an audience window opens for the projector and the controls stay here. Everything goes straight into the strategy.";
    workshop_audience: "Auditorijas logs", "Audience window";
    workshop_open_audience: "Atvērt auditorijas logu", "Open the audience window";
    workshop_audience_waiting: "Gaida vadītāju…", "Waiting for the presenter…";
    workshop_agenda: "Darba kārtība", "Agenda";
    workshop_minutes: "Minūtes", "Minutes";
    workshop_skip: "Izlaist", "Skip";
    workshop_spent: "patērētas {m} min", "{m} min spent";
    workshop_step_of: "Solis {n} no {total}", "Step {n} of {total}";
    workshop_next: "Nākamais solis", "Next step";
    workshop_previous: "Iepriekšējais solis", "Previous step";
    step_mandate: "Mandāts", "Mandate";
    step_mission: "Misija", "Mission";
    step_vision: "Vīzija", "Vision";
    step_values: "Vērtības", "Values";
    step_target_groups: "Mērķa grupas un vajadzības", "Target groups and needs";
    step_swot: "SVID", "SWOT";
    step_indicators: "Rādītāji un mērķvērtības", "Indicators and targets";
    step_review: "Pārskats", "Review";
    workshop_capture: "Pievienot: {what}", "Add: {what}";
    workshop_capture_text: "Ierakstīt: {what}", "Write: {what}";
    workshop_capture_hint: "Enter pievieno; Tab — kā apakšvienumu iepriekšējam; Shift+Tab — līmeni augstāk; Alt+↓/↑ maina vecākvienumu vai kvadrantu.", "Enter adds; Tab adds it as a child of the item above; Shift+Tab one level up; Alt+↓/↑ changes the parent or the quadrant.";
    workshop_under: "Zem: {parent}", "Under: {parent}";
    workshop_quadrant: "Kvadrants: {kind}", "Quadrant: {kind}";
    workshop_nothing_yet: "Vēl nekā.", "Nothing yet.";
    workshop_no_parent: "Vispirms pievienojiet augstāka līmeņa vienumu.", "Add an item of the level above first.";
    workshop_ideas: "Idejas", "Ideas";
    workshop_idea: "Ideja", "Idea";
    workshop_ideas_hint: "Uz idejas: Enter — pārvērst īstā vienumā, M — apvienot (atzīmēt, tad mērķis), Delete — dzēst.", "On an idea: Enter makes it a real item, M merges (mark, then the target), Delete removes it.";
    workshop_merged: "+{n} apvienotas", "+{n} merged";
    workshop_timer: "Taimeris", "Timer";
    workshop_timer_toggle: "Sākt / pauze", "Start / pause";
    workshop_timer_add: "+1 min", "+1 min";
    workshop_timer_reset: "Atiestatīt", "Reset";
    workshop_timer_sound: "Skaņa beigās", "Sound at the end";
    workshop_vote: "Balsošana ar punktiem", "Dot-voting";
    workshop_vote_start: "Sākt balsošanu", "Start a vote";
    workshop_vote_budget: "Punkti katram", "Dots per person";
    workshop_vote_tally: "Skaitīt telpā (+/−)", "Tally from the room (+/−)";
    workshop_vote_secret: "Slepeni, padodot datoru", "Secret, pass the laptop";
    workshop_vote_candidates: "Par ko balso", "What is voted on";
    workshop_vote_cast: "Nodot balsi", "Cast the ballot";
    workshop_vote_left: "Atlikuši punkti: {n}", "Dots left: {n}";
    workshop_ballots: "Nodotas balsis: {n}", "Ballots cast: {n}";
    workshop_participant: "Dalībnieks {n}: iepriekšējās balsis ir paslēptas", "Participant {n}: earlier votes are hidden";
    workshop_vote_hidden: "Rezultāts ir slēpts līdz atklāšanai.", "The result is hidden until it is revealed.";
    workshop_vote_top: "Paturēt labākos", "Keep the top";
    workshop_vote_reveal: "Atklāt rezultātu", "Reveal the result";
    workshop_vote_result: "Balsojuma rezultāts", "Vote result";
    workshop_vote_end: "Beigt balsošanu", "End the vote";
    workshop_vote_kept: "paturēts", "kept";
    workshop_dots: "{n} punkti", "{n} dots";
    workshop_lock: "Slēgt", "Lock";
    workshop_unlock: "Atslēgt", "Unlock";
    workshop_locked: "Slēgts: tikai lasāms, līdz to atslēdz", "Locked: read-only until unlocked";
    workshop_snapshots: "Momentuzņēmumi", "Snapshots";
    workshop_snapshot_name: "Momentuzņēmuma nosaukums", "Snapshot name";
    workshop_snapshot_take: "Saglabāt momentuzņēmumu", "Take a snapshot";
    workshop_snapshot_restore: "Atjaunot kā jaunu stratēģiju", "Restore as a new strategy";
    workshop_snapshot_pick: "Salīdzināt: {name}", "Compare: {name}";
    workshop_compare: "Atšķirības", "Differences";
    workshop_compare_none: "Atšķirību nav.", "No differences.";
    workshop_added: "pievienots", "added";
    workshop_removed: "dzēsts", "removed";
    workshop_changed: "mainīts", "changed";
    workshop_full_screen: "Pilnekrāns (vadība paslēpta)", "Full screen (controls hidden)";
    workshop_keys: "Taustiņi", "Keys";
    workshop_finish: "Pabeigt darbnīcu", "Finish the workshop";
    workshop_summary: "Darbnīcas kopsavilkums", "Workshop summary";
    workshop_summary_added: "Pievienoti vienumi: {n}", "Items added: {n}";
    workshop_summary_ideas: "Neizmantotās idejas: {n}", "Open ideas: {n}";
    workshop_summary_votes: "Balsojumi: {n}", "Votes: {n}";
    workshop_print: "Drukāt kopsavilkumu", "Print the summary";
    workshop_export: "Eksportēt JSON", "Export JSON";
    workshop_resume: "Turpināt darbnīcu", "Resume the workshop";
    key_next_step: "nākamais / iepriekšējais solis", "next / previous step";
    key_parent: "cits vecākvienums vai kvadrants", "another parent or quadrant";
    key_capture: "uz ievades lauku", "to the capture field";
    key_idea: "uz ideju lauku", "to the ideas field";
    key_timer: "taimeris: sākt/pauze, +1 min, atiestatīt", "timer: start/pause, +1 min, reset";
    key_vote: "sākt balsošanu", "start a vote";
    key_lock: "slēgt/atslēgt pēdējo vienumu vai soļa tekstu", "lock/unlock the last item, or the step's text";
    key_snapshot: "momentuzņēmums", "snapshot";
    key_full_screen: "pilnekrāns; vadība parādās ar Alt+H", "full screen; Alt+H shows the controls";
    key_audience: "atvērt auditorijas logu", "open the audience window";
    key_finish: "pabeigt", "finish";
    key_help: "šis saraksts", "this list";
    // Documents section (the app's page: preview, print, downloads)
    section_reports: "Dokumenti", "Documents";
    reports_document: "Dokuments", "Document";
    reports_strategy: "Stratēģijas dokuments", "Strategy document";
    reports_annual: "Gada pārskats", "Annual report";
    reports_workbook: "Rādītāju darbgrāmata", "Indicator workbook";
    reports_year: "Gads", "Year";
    reports_print: "Drukāt / saglabāt PDF", "Print / save as PDF";
    reports_download: "Lejupielādēt", "Download";
    reports_loading: "Ielādē dokumentu moduli…", "Loading the documents module…";
    reports_making: "Sagatavo dokumentu…", "Preparing the document…";
    reports_failed: "Dokumentu neizdevās sagatavot: {reason}", "The document could not be made: {reason}";
    reports_retry: "Mēģināt vēlreiz", "Try again";
    reports_preview: "Priekšskatījums", "Preview";
    // Structure: finding an item in a long outline (perf)
    outline_find: "Atrast struktūrā", "Find in the outline";
    outline_find_hint: "numurs, nosaukums vai rādītājs; Enter — nākamais", "number, title or indicator; Enter: the next one";
    outline_find_next: "Nākamais", "Next";
    outline_found: "Atrasts {n}. no {total}", "Match {n} of {total}";
    outline_not_found: "Nekas nav atrasts", "No match";

    // Evaluation
    section_evaluation: "Izvērtēšana", "Evaluation";
    evaluation_record: "Izvērtējums", "Evaluation record";
    evaluation_none: "Izvērtējumu vēl nav: pievienojiet gada vai noslēguma izvērtējumu.", "No evaluation yet: add an annual or final one.";
    add_evaluation: "Pievienot izvērtējumu", "Add evaluation";
    remove_evaluation: "Dzēst šo izvērtējumu", "Remove this evaluation";
    evaluation_year: "Gads", "Year";
    evaluation_kind: "Veids", "Kind";
    evaluation_annual: "ikgadējs", "annual";
    evaluation_final: "noslēguma", "final";
    mission_criteria: "Misijas vērtēšana", "Mission criteria";
    vision_criteria: "Vīzijas vērtēšana", "Vision criteria";
    criterion: "Kritērijs", "Criterion";
    criterion_met: "Atbilst", "Met";
    criterion_reasoning: "Pamatojums", "Reasoning";
    criterion_met_named: "{name}: atbilst", "{name}: met";
    criterion_reasoning_named: "{name}: pamatojums", "{name}: reasoning";
    values_priorities: "Vērtību atbilstība prioritātēm", "Values × priorities";
    values_goals: "Vērtību atbilstība mērķiem", "Values × goals";
    value_supports: "Vērtība “{col}” atbalsta: {row}", "Value “{col}” supports {row}";
    matrix_keys: "Bultiņas pārvieto starp šūnām, atstarpe atzīmē vai noņem.", "Arrow keys move between cells; Space marks or clears.";
    matrix_empty: "Nav ko salīdzināt: trūkst rindu vai kolonnu.", "Nothing to compare: rows or columns are missing.";
    relevance: "Atbilstība", "Relevance";
    relevance_hint: "Luksofora princips: cik lielā mērā mērķa rezultāti atbilst mērķim.", "The traffic light: how far each goal's results fit the goal.";
    light: "Luksofors", "Traffic light";
    light_green: "zaļš — rezultāti atbilst mērķim", "green — the results fit the goal";
    light_orange: "oranžs — atbilst, bet rezultātu varēja formulēt precīzāk", "orange — they fit, but could be more precise";
    light_red: "sarkans — rezultāti atbilst tikai daļēji", "red — the results only partly fit";
    light_none: "nav vērtēts", "not assessed";
    effectiveness: "Rezultativitāte", "Effectiveness";
    effectiveness_narrative: "Ietekmējošie faktori un secinājumi", "Factors and conclusions";
    effectiveness_year: "Pēc statusiem {year}. gadā", "From the statuses of {year}";
    coherence: "Saskaņotība", "Coherence";
    coherent_with: "{row} saskan ar “{col}”", "{row} is coherent with “{col}”";
    coherence_hint: "Ieteiktās saites (punktētas) nāk no mērķu pašu saitēm ar politikas dokumentiem.", "Suggested links (dotted) come from the goals' own links to policy documents.";
    accept_suggestions: "Pieņemt ieteiktās saites ({n})", "Accept suggestions ({n})";
    suggested: "ieteikts", "suggested";
    recommendations: "Rekomendācijas nākamajam periodam", "Recommendations for the next period";
    effectiveness_count: "Sasniegti {goals} no {goals_total} mērķiem un {results} no {results_total} rezultātiem", "{goals} of {goals_total} goals and {results} of {results_total} results achieved";
    add_recommendation: "Pievienot rekomendāciju", "Add recommendation";
    recommendation_n: "Rekomendācija {n}", "Recommendation {n}";
    recommendation_up: "Pārvietot rekomendāciju {n} uz augšu", "Move recommendation {n} up";
    recommendation_down: "Pārvietot rekomendāciju {n} uz leju", "Move recommendation {n} down";
    recommendation_remove: "Dzēst rekomendāciju {n}", "Remove recommendation {n}";
    values_survey: "Vērtību aptauja", "Values survey";
    survey_label: "Apgalvojums vai skaits", "Statement or count";
    survey_value: "Skaitlis", "Number";
    survey_unit: "Mērvienība", "Unit";
    survey_text: "Atbilde vārdos", "Answer in words";
    survey_row: "Rinda {n}: {what}", "Row {n}: {what}";
    survey_remove: "Dzēst rindu {n}", "Remove row {n}";
    add_survey_figure: "Pievienot rindu", "Add a row";
    survey_note: "Par aptauju un tās secinājumi", "About the survey, and its conclusions";
    // Workshop: targets in quick capture, lock for every item (issue 15, lock)
    capture_no_name: "Pirms pirmā “;” ierakstiet rādītāja nosaukumu.", "Write the indicator's name before the first “;”.";
    capture_not_year_value: "“{part}” nav “gads: vērtība” (piem., “2025: 60”).", "“{part}” is not “year: value” (e.g. “2025: 60”).";
    capture_no_value: "Pēc {year} nav vērtības.", "{year} has no value after it.";
    capture_outside_period: "{year} ir ārpus stratēģijas perioda {start}–{end}.", "{year} is outside the strategy's period {start}–{end}.";
    capture_not_after: "{year} jābūt pēc {before}: rakstiet gadus augošā secībā.", "{year} must come after {before}: write the years rising.";
    workshop_indicator_hint: "Rādītājs ar mērķvērtībām vienā rindā: “nosaukums % ; 2023: 40 ; 2025: 60 ; 2027: 80” — pirmais gads ir bāzes vērtība, nākamie — mērķvērtības perioda gados.", "An indicator with its targets in one line: “name % ; 2023: 40 ; 2025: 60 ; 2027: 80” — the first year is the baseline, the next ones targets in the period's years.";
    key_indicator_line: "rādītājs: nosaukums [mērvienība] ; gads: bāze ; gads: mērķis …", "indicator: name [unit] ; year: baseline ; year: target …";
    lock_item: "Slēgt: {name}", "Lock: {name}";
    unlock_item: "Atslēgt: {name}", "Unlock: {name}";
    remove_locked: "Nevar dzēst: tas ir slēgts vai satur slēgtu vienumu. Vispirms to atslēdziet.", "Cannot remove it: it is locked, or holds a locked item. Unlock that first.";
    workshop_audience_open: "Skatītāju logs ir atvērts", "The audience window is open";
    workshop_audience_closed: "Skatītāju logs ir aizvērts", "The audience window is closed";
    workshop_text_locked: "{what}: teksts ir slēgts. Vispirms atslēdziet to (Alt+L).", "{what}: the text is locked. Unlock it first (Alt+L).";

    // Next period and Compare (issue 14, part 4)
    section_compare: "Salīdzināt", "Compare";
    next_period_start: "Sākt nākamo periodu no šīs stratēģijas", "Start the next period from this strategy";
    next_period_title: "Nākamā perioda stratēģija", "The next period's strategy";
    next_period_period: "Jaunais periods: {start}–{end}", "New period: {start}–{end}";
    next_period_intro: "Tiks pārņemti līmeņi, pilnvarojums, misija, vīzija un vērtības. Katra paturētā rādītāja bāzes vērtība būs tā pēdējā faktiskā vērtība; mērķvērtības, izpilde un izvērtējumi paliek jaunajam periodam.", "The levels, mandate, mission, vision and values are copied. Each kept indicator's baseline becomes its last actual; targets, actuals and evaluations are left to the new period.";
    next_period_goals: "Paturamie mērķi", "Goals to keep";
    next_period_goals_hint: "Noņemot atzīmi, tiek atmests arī viss, kas zem tā.", "Unticking one drops everything under it too.";
    next_period_create: "Izveidot melnrakstu", "Create the draft";
    next_period_done: "Izveidots “{title}”: {n} rādītāji pārņemti ar pēdējo faktisko vērtību kā bāzes vērtību.", "Created “{title}”: {n} indicators carried with their last actual as baseline.";
    carried_from: "pārņemts no “{source}”, {year}", "carried from “{source}”, {year}";
    compare_with: "Salīdzināt ar", "Compare with";
    compare_pick: "— izvēlieties —", "— pick one —";
    compare_hint: "Izvēlieties stratēģiju vai šīs stratēģijas momentuzņēmumu, ar ko salīdzināt.", "Pick a strategy, or a snapshot of this one, to compare with.";
    compare_strategies: "Stratēģijas šajā pārlūkā", "Strategies in this browser";
    compare_source: "{title} (avots)", "{title} (source)";
    compare_loading: "Nolasa…", "Reading…";
    compare_counts: "{added} pievienoti, {removed} dzēsti, {changed} mainīti", "{added} added, {removed} removed, {changed} changed";
    compare_kind: "Kas", "What";
    compare_item: "Vienums", "Item";
    compare_where: "Vieta", "Where";
    compare_before: "Bija", "Before";
    compare_after: "Kļuva", "After";
    compare_keep_snapshot: "Saglabāt šo versiju kā momentuzņēmumu", "Keep this version as a snapshot";
}

/// Replaces `{name}` placeholders in a catalogue string.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    args.iter().fold(template.to_string(), |text, (name, value)| text.replace(&format!("{{{name}}}"), value))
}

/// The label of a status.
pub fn status_label(lang: Lang, status: Status) -> &'static str {
    match (lang, status) {
        (Lang::Lv, Status::Achieved) => "Izpildīts",
        (Lang::Lv, Status::OnTrack) => "Procesā",
        (Lang::Lv, Status::AtRisk) => "Apdraudēts",
        (Lang::Lv, Status::NotAchieved) => "Neizpildīts",
        (Lang::Lv, Status::NoData) => "Nav datu",
        (Lang::Lv, Status::NotYetDue) => "Vēl nav termiņš",
        (Lang::En, Status::Achieved) => "Achieved",
        (Lang::En, Status::OnTrack) => "On track",
        (Lang::En, Status::AtRisk) => "At risk",
        (Lang::En, Status::NotAchieved) => "Not achieved",
        (Lang::En, Status::NoData) => "No data",
        (Lang::En, Status::NotYetDue) => "Not yet due",
    }
}

/// The label of an indicator kind.
pub fn kind_label(lang: Lang, kind: IndicatorKind) -> &'static str {
    match (lang, kind) {
        (Lang::Lv, IndicatorKind::Quantitative) => "skaitlisks",
        (Lang::Lv, IndicatorKind::Milestone) => "izpildīts / nav",
        (Lang::Lv, IndicatorKind::Qualitative) => "vērtējums",
        (Lang::En, IndicatorKind::Quantitative) => "number",
        (Lang::En, IndicatorKind::Milestone) => "done / not done",
        (Lang::En, IndicatorKind::Qualitative) => "rating",
    }
}

/// The label of a desired direction.
pub fn direction_label(lang: Lang, d: Direction) -> &'static str {
    match (lang, d) {
        (Lang::Lv, Direction::Unspecified) => "nav norādīts",
        (Lang::Lv, Direction::Increase) => "pieaug",
        (Lang::Lv, Direction::Decrease) => "samazinās",
        (Lang::Lv, Direction::Keep) => "saglabājas",
        (Lang::Lv, Direction::Reach) => "sasniedz",
        (Lang::En, Direction::Unspecified) => "not stated",
        (Lang::En, Direction::Increase) => "increase",
        (Lang::En, Direction::Decrease) => "decrease",
        (Lang::En, Direction::Keep) => "keep",
        (Lang::En, Direction::Reach) => "reach",
    }
}

/// The label of a SWOT item's kind.
pub fn swot_label(lang: Lang, k: SwotKind) -> &'static str {
    match (lang, k) {
        (Lang::Lv, SwotKind::Strength) => "stiprā puse",
        (Lang::Lv, SwotKind::Weakness) => "vājā puse",
        (Lang::Lv, SwotKind::Opportunity) => "iespēja",
        (Lang::Lv, SwotKind::Threat) => "drauds",
        (Lang::Lv, SwotKind::InternalEnabling) => "iekšējs veicinošs",
        (Lang::Lv, SwotKind::InternalHindering) => "iekšējs kavējošs",
        (Lang::Lv, SwotKind::ExternalEnabling) => "ārējs veicinošs",
        (Lang::Lv, SwotKind::ExternalHindering) => "ārējs kavējošs",
        (Lang::En, SwotKind::Strength) => "strength",
        (Lang::En, SwotKind::Weakness) => "weakness",
        (Lang::En, SwotKind::Opportunity) => "opportunity",
        (Lang::En, SwotKind::Threat) => "threat",
        (Lang::En, SwotKind::InternalEnabling) => "internal, enabling",
        (Lang::En, SwotKind::InternalHindering) => "internal, hindering",
        (Lang::En, SwotKind::ExternalEnabling) => "external, enabling",
        (Lang::En, SwotKind::ExternalHindering) => "external, hindering",
    }
}

/// The label of a risk level.
pub fn rating_label(lang: Lang, l: Rating) -> &'static str {
    match (lang, l) {
        (Lang::Lv, Rating::Unrated) => "nav novērtēts",
        (Lang::Lv, Rating::Low) => "zema",
        (Lang::Lv, Rating::Medium) => "vidēja",
        (Lang::Lv, Rating::High) => "augsta",
        (Lang::En, Rating::Unrated) => "not rated",
        (Lang::En, Rating::Low) => "low",
        (Lang::En, Rating::Medium) => "medium",
        (Lang::En, Rating::High) => "high",
    }
}

/// The label of a risk's kind: from inside or outside the institution.
pub fn risk_kind_label(lang: Lang, k: RiskKind) -> &'static str {
    match (lang, k) {
        (Lang::Lv, RiskKind::Unspecified) => "nav norādīts",
        (Lang::Lv, RiskKind::Internal) => "iekšējs",
        (Lang::Lv, RiskKind::External) => "ārējs",
        (Lang::En, RiskKind::Unspecified) => "not specified",
        (Lang::En, RiskKind::Internal) => "internal",
        (Lang::En, RiskKind::External) => "external",
    }
}

/// The label of a policy document's level.
pub fn policy_rating_label(lang: Lang, l: PolicyLevel) -> &'static str {
    match (lang, l) {
        (Lang::Lv, PolicyLevel::International) => "starptautiskais / ES",
        (Lang::Lv, PolicyLevel::National) => "nacionālais",
        (Lang::Lv, PolicyLevel::Sector) => "nozares",
        (Lang::Lv, PolicyLevel::Institution) => "iestādes",
        (Lang::En, PolicyLevel::International) => "international / EU",
        (Lang::En, PolicyLevel::National) => "national",
        (Lang::En, PolicyLevel::Sector) => "sector",
        (Lang::En, PolicyLevel::Institution) => "institution",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_is_present_in_both_languages_with_the_same_placeholders() {
        let placeholders = |s: &str| {
            let mut names: Vec<String> = s.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string())).collect();
            names.sort();
            names
        };
        for ((key, lv), (_, en)) in all(&LV).into_iter().zip(all(&EN)) {
            assert!(!lv.trim().is_empty() && !en.trim().is_empty(), "{key} is empty");
            assert_eq!(placeholders(lv), placeholders(en), "{key} has different placeholders");
        }
    }

    #[test]
    fn fill_replaces_named_placeholders() {
        assert_eq!(fill(EN.deleted, &[("title", "Plan")]), "Deleted “Plan”.");
        assert_eq!(fill("{a} and {a}, {b}", &[("a", "1"), ("b", "2")]), "1 and 1, 2");
    }
}
