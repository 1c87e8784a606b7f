"""Every message an editor can see, in one place, in plain words.

Why: the people who read these messages edit YAML and never read Python. Keeping the wording here,
apart from the checks, lets it be reviewed for plain language as a whole, and keeps it consistent.
Each message says what is wrong and what is expected. Placeholders are filled with ``str.format``.
"""
from __future__ import annotations

import re

MESSAGES: dict[str, str] = {
    # --- The file as a whole -------------------------------------------------------------------
    "file_missing": "this file is missing; it must exist and list {what}",
    "file_empty": "this file is empty; it must list {what}",
    "file_not_utf8": (
        "this file is not saved as UTF-8 text (a character here cannot be read); "
        "save it again with the UTF-8 encoding"
    ),
    "file_too_large": "this file is {size} KB, more than the {limit} KB allowed; split it or shorten it",
    "too_deep": "the data is nested more than {limit} levels deep here; check the indentation",
    "anchor": "anchors (&{name}) are not allowed; write each value out in full",
    "alias": "aliases (*{name}) are not allowed; write the value out in full",
    "duplicate_key": '"{key}" appears twice in the same entry (first on line {first}); keep only one',
    "no_missions": "the list of missions is empty; add at least one mission under missions:",
    "top_level": "the file must start with \"{key}:\" followed by the entries, indented below it",
    # --- YAML syntax -------------------------------------------------------------------------
    "syntax_tab": "a tab character is used here; indent with spaces only",
    "syntax_unclosed_quote": "the quote that opens here is never closed; add the closing quote",
    "syntax_colon": (
        'a colon followed by a space is not allowed here; put text containing ": " in quotes, '
        "or check the indentation"
    ),
    "syntax_indent": "this line is not indented in line with the lines above it; check the spaces at its start",
    # An indentation mistake, named as one (peaceops/source/indentation.py); {fix} is one of the
    # indent_fix_* texts.
    "indent_under_value": (
        "this line is indented {spaces} more than {key}: (line {line}), so it sits under {key}:, which already "
        "has its value on its own line; {fix}"
    ),
    "indent_not_item": (
        'this line is indented like the items of {under}, but it is not an item (it does not start with "- "); {fix}'
    ),
    "indent_interrupts": (
        "this line is indented {spaces} less than the lines above and below it (lines {before} and {after}), "
        "so it ends the entry they are part of; {fix}"
    ),
    "indent_nothing": "this line's indentation lines it up with no line above it; {fix}",
    "indent_item": (
        'this item ("- ") is indented {spaces} {than} than the item above it in its list (line {line}); the '
        "items of a list line up: move it {spaces} to the {side}"
    ),
    "indent_fix_right": "indent it {spaces} further, in line with {key}:{where}",
    "indent_fix_left": "move it {spaces} to the left, in line with {key}:{where}",
    "indent_list": "the list under {key}: (line {line})",
    "indent_list_top": "the list at the top of the file",
    "second_document": 'a second document starts here (a line "---"); keep one document per file and remove this line',
    "syntax_after_end": (
        "this line does not fit with the lines above it; check that the lines above are not indented too far "
        "and that each name ends with a colon"
    ),
    "syntax_flow_list": "a list opened with [ is not closed with ]",
    "syntax_flow_map": "a group opened with {{ is not closed with }}",
    "syntax_other": "this line cannot be read as YAML ({problem}); check its punctuation and indentation",
    # --- A field -----------------------------------------------------------------------------
    "missing": "{field} is missing; {help}",
    # A field one level too deep or not deep enough (peaceops/source/misplaced.py).
    "misplaced_too_far": (
        "{key}: is indented {spaces} too far: it sits {under}, which cannot hold {key}:; move it {spaces} "
        "to the left, in line with {sibling}:{where}"
    ),
    "misplaced_too_little": (
        "{key}: is not indented far enough ({spaces} too few): it sits beside {beside}: (line {line}) instead "
        "of inside it; indent it {spaces} further, in line with {first}: (line {first_line})"
    ),
    "misplaced_under": "under {key}: (line {line})",
    "misplaced_in_item": "in the item of {key}: that starts on line {line}",
    "unknown_field": '"{key}" is not a field that can go here{suggestion}; the fields allowed here are: {allowed}',
    "too_short": "{field} needs at least one item; {help}",
    "contact_channel": "this contact has neither an email nor a web address; add email: or web: (or both)",
    "comma_in_text": (
        'a comma inside {{en: ..., fr: ...}} ends the text before "{key}"; put the whole text in quotes'
    ),
    "did_you_mean": ' (did you mean "{match}"?)',
    "missing_language": "the {language} text ({code}:) is missing; every text needs both en: and fr:",
    "empty": "{field} is empty; write the text, or remove the line if the field is optional",
    "not_text": "{field} must be a single text, got {got}",
    "not_group": "{field} must be a group of fields (name: value lines indented below it), got {got}",
    "not_list": "{field} must be a list, one item per line starting with \"- \", got {got}",
    "whole_number": "{field} must be a whole number, got {got}",
    "degrees": (
        "{field} must be a number of degrees between -{limit} and {limit}, written with a point "
        "(40.71427; south and west are negative), got {got}"
    ),
    "fractional": "{field} must be a whole number, without decimals, got {got}",
    "thousands": "{field} must be written without commas or spaces between the digits (3000, not 3,000), got {got}",
    "negative": "{field} cannot be negative, got {got}",
    "date": (
        "{field} must be a year (2004), a month written YYYY-MM (2025-03) or a date written YYYY-MM-DD "
        "(2004-06-01), got {got}"
    ),
    "full_date": "{field} must be a date written YYYY-MM-DD (for example 2026-01-31), got {got}",
    "impossible_date": "{field} is not a real date: {got} (check the month and the day)",
    "year_range": "{field} must be a year between {low} and {high}, got {got}",
    "choice": "{field} must be one of {choices}, got {got}",
    "yes_no": "{field} must be yes or no, got {got}",
    "language_code": (
        "{field} must be a language's two-letter ISO 639-1 code in lowercase, such as en (English), fr (French), "
        "es (Spanish) or ar (Arabic), got {got}{suggestion}; the pages name the language in each reader's language"
    ),
    "url": "{field} must be a web address starting with https:// (or http://), got {got}",
    "url_scheme": (
        "{field} must be a web address starting with https:// (or http://); a browser reads this one as a "
        "{scheme}: address, which the site never publishes"
    ),
    "control_character": (
        "{field} contains an invisible control character ({code}, character {at} of the text) that web "
        "pages, feeds and spreadsheets cannot hold; delete it (retype the text around it if you cannot see it)"
    ),
    "non_public_host": (
        "{field} is on a development, staging or test server ({host}), which the public cannot reach; "
        "give the page's public address"
    ),
    "no_language": "{field} needs an en: or fr: line (or both), one for each language the source exists in",
    "source_date": (
        "this source has both published: (the date it states) and dated: (a range by evidence, for a source "
        "that states none); keep published: if the page states its date, otherwise dated:"
    ),
    "range_no_bound": (
        "{field} needs earliest: or latest: (or both): the first and the last date the evidence allows, "
        "with reason: saying what shows them"
    ),
    "range_order": "{field}: earliest ({earliest}) is after latest ({latest}); check both dates",
    "email": "{field} must be an email address such as name@example.gc.ca, got {got}",
    "html": "{field} contains HTML or script ({tag}); write plain text only",
    "markdown_link": (
        "{field} contains a Markdown image or link ({found}); texts in data files are shown exactly as typed, "
        "as plain words: no images, links or HTML. Write the words alone; the page a fact comes from goes "
        "under sources:"
    ),
    "id": (
        "{field} must be lowercase letters, digits and hyphens (for example \"minustah\" or "
        "\"eupol-copps\"), got {got}"
    ),
    "invalid": "{field} is not valid: {detail}",
    "placeholder_braces": (
        "{field}: in the {language}: text a {{ or }} does not pair up; the names the site fills in are "
        "written in braces, such as {{n}}, each with its closing brace"
    ),
    "placeholder_form": (
        "{field}: in the {language}: text, {found} is not a name the site can fill in; write a name alone "
        "between braces, with nothing else inside them; this text can use {known}"
    ),
    "placeholder_mismatch": (
        "{field}: the English and French texts must use the same names in braces; en: has {en}, fr: has {fr}"
    ),
    "placeholder_unknown": (
        'the interface text "{key}" uses {{{name}}}, which the site does not fill in there; it can use {known}'
    ),
    # --- Between records ---------------------------------------------------------------------
    "unknown_country": (
        'country "{code}" is neither a two-letter ISO country code nor a territory listed in '
        "data/countries.yaml{suggestion}; write a code in capitals such as HT (Haiti), or add the territory there"
    ),
    "unknown_override": (
        '"{code}" is not a two-letter ISO country code; names can only be changed for a real country '
        "(add a territory under territories: instead)"
    ),
    "no_phrase": (
        '{name} ({code}) has no phrase in data/countries.yaml to say "in {name}" in a sentence; add '
        "under phrases:  {code}: {{en: in {name}, fr: en {name_fr}}}  (with the, au, aux ... as the place needs)"
    ),
    "no_territory_phrase": (
        '{name} ({code}) has no phrase to say "in {name}" in a sentence; add to it a line such as  '
        "phrase: {{en: in {name}, fr: en {name_fr}}}  (with the, au, aux ... as the place needs)"
    ),
    "bad_phrase_en": (
        'the English phrase must be "in" or "in the" followed by the place\'s name "{name}", got "{got}"'
    ),
    "bad_phrase_fr": (
        "the French phrase must be a preposition (en, au, aux, à ...) followed by the place's name "
        '"{name}", got "{got}"'
    ),
    "unknown_phrase_place": (
        '"{code}" is neither a two-letter ISO country code nor a territory listed under territories:; '
        "a phrase is only needed for a place a mission is in"
    ),
    "status_order": (
        "since ({since}) is before the since of the status above it ({previous}, line {line}); list the "
        "statuses oldest first, or check both dates"
    ),
    "status_to_come": (
        "since ({since}) is later than today ({latest}); a status is added once it has begun (until then the "
        "mission keeps the status above it, and the site never counts a change before its day): add it on that "
        "day or after, or check the date"
    ),
    "status_range_to_come": (
        "earliest ({since}) is later than today ({latest}); a status is added once it has begun, so the first "
        "day it can have begun is not in the future: check the date, or add the status once it has begun"
    ),
    "status_same_day": (
        "since ({since}) is the same day as the status above it ({previous}, line {line}); a mission has one "
        "status a day: keep the one it had at the end of that day"
    ),
    "status_repeated": (
        "this status is {state} again, like the one above it (line {line}); a status is listed when it "
        "changes: remove one of them"
    ),
    "french_and_no_french": (
        "no_french: says the source has no French version, but address has fr:; keep the French address "
        "and title, or remove no_french:"
    ),
    "unused_source": (
        'warning: source "{key}" is cited nowhere (no source: or sources: names it); cite it, or remove it '
        "if nothing on the site comes from it"
    ),
    "no_french_address": (
        'warning: source "{key}" is a Government of Canada page ({host}) with no French address; add its '
        "French title and address (title.fr, address.fr), or no_french: saying where the French version was "
        "looked for and not found"
    ),
    "as_of_before_start": "as_of ({as_of}) is before the mission's start ({start}); check both dates",
    "as_of_after_end": (
        "as_of ({as_of}) is after the mission's end ({end}, line {line}): no officer serves on a mission once "
        "it has ended; check both dates"
    ),
    "future_date": (
        "{field} ({date}) is later than today ({latest}); it says when something already happened, "
        "so it cannot be in the future: check the year, the month and the day"
    ),
    "as_of_after_review_by": (
        "as_of ({as_of}) is after review_by ({review_by}); the data is checked up to as_of and is to be "
        "checked again by review_by, which must come later"
    ),
    "later_than_checked": (
        "warning: {field} ({date}) is after the date the data was checked up to ({as_of}, as_of in {file}, "
        'line {line}), so the pages, which say "As of {in_words}", count this as true on that day; check '
        "the other missions and figures against their sources, then move as_of in {file} to the day you "
        "checked ({date} or later)"
    ),
    "deployed_above_authorized": (
        "warning: {deployed} officers deployed is more than the {authorized} authorized by the same source "
        "on the same date; check both numbers against the source"
    ),
    "duplicate_source": 'key "{key}" is already used by the source on line {line}; give each source its own key',
    "source_languages": (
        "address has {address} but title has {title}; give a title and an address for each language the "
        "source exists in"
    ),
    "review_passed": (
        "warning: review_by ({date}) has passed (the reference date is {today}); check {what} against "
        "the sources, then move the date"
    ),
    "duplicate_id": 'id "{id}" is already used by the mission on line {line}; give each mission its own id',
    "duplicate_slug": (
        'the {language} page address "{slug}" is already used by {other}; give one of them a different '
        "slug"
    ),
    "unknown_province": (
        'province "{code}" is not one of the codes listed under provinces: at the top of the file{suggestion}; '
        "write its two-letter code in capitals, such as ON or QC"
    ),
    "duplicate_statement": 'id "{id}" is already used by the statement on line {line}; give each statement its own id',
    "duplicate_partner": '"{name}" is already listed on line {line}; list each police service once',
    "source_key_mistyped": (
        'key "{key}" is cited nowhere, but {count} places cite "{cited}", which is not a key here ({places}); '
        'if this is the source they mean, correct its key here to "{cited}"'
    ),
    "unknown_source_or_new_key": (
        'source "{key}" is not a key in data/sources.yaml; the source with the key "{match}" ({file}, line '
        "{line}) is cited nowhere yet: if it is the one meant here, one of the two keys has a typing mistake: "
        'correct it here to "{match}", or correct that key to "{key}"'
    ),
    # ---- issue 34: data/people.yaml (the people who serve)
    "duplicate_people_id": 'id "{id}" is already used on line {line} of the same list; give each entry its own id',
    "people_unknown_mission": (
        'mission "{id}" is not an id in data/missions.yaml; write the id of the mission as listed there'
    ),
    "women_above_total": "{field}: women: is more than total:; check both numbers against the source",
    "women_mission": (
        "{field}: give mission: (the mission's id) with covers: one_mission, and leave it out with covers: "
        "un_missions"
    ),
    "day_window": "{field}: home_from: must be on or before day:, the day the home page stops mentioning it",

    "unknown_source": (
        'source "{key}" is not a key in data/sources.yaml{suggestion}; use the key of a source listed there, '
        "or add the source there first"
    ),
    "front_matter": (
        "the front matter (the lines between --- at the top of the page) cannot be read ({problem}); "
        "write one name: value per line"
    ),
    "placeholder_name": (
        "{field} must be the publisher's own name, got {got}, which is a placeholder or a description that names "
        'no one; write their name as readers should read it in "This site is published by ..." (for example '
        '"the peaceops open-source project")'
    ),
    "independent_federal_email": (
        "{email} is a Government of Canada address, but the Government does not publish an independent site "
        "and cannot correct it; write an address of the independent publisher, or remove email: to have "
        "readers report problems on the repository's issue page"
    ),
    "repository_url": (
        "{got} is not the web address of a repository; set REPOSITORY_URL to an https:// address such as "
        "https://github.com/owner/name (the publishing workflow sets it), or leave it unset"
    ),
    "official_outside_canada": (
        "identity is official, but the site's address {url} is not on canada.ca; the Government of Canada's "
        "symbols are only for its own sites on canada.ca: write identity: independent, or build with "
        "SITE_URL set to the canada.ca address"
    ),
    "too_long": (
        "{field} is {got} characters, {over} more than search results show ({most} at most); shorten it"
    ),
    "front_matter_missing": (
        "this page has no front matter; start it with a line ---, then page_id: and title: lines, "
        "then a line ---"
    ),
    "front_matter_unclosed": (
        "the front matter that starts here is never closed; add a line --- after its last name: value line"
    ),
    "page_id_missing": (
        "page_id is missing from the front matter; add it so the page can be paired with its translation"
    ),
    "duplicate_page_id": (
        'page_id "{page_id}" is already used by {other}; give each page of a language its own page_id '
        "(the same one as its translation)"
    ),
    "no_counterpart": (
        'this page (page_id "{page_id}") has no {language} counterpart in content/{code}/; '
        "write it, with the same page_id"
    ),
    "interface_family_missing": (
        'the interface text "{key}" is missing; the site needs one for every possible "{prefix}..." '
        "value: add it under text:, with its en: and fr: wording"
    ),
    "interface_missing": (
        'the interface text "{key}" is used here but missing from data/interface.yaml; add it under '
        "text:, with its en: and fr: wording"
    ),
    # --- Written by the tests, not by editors ------------------------------------------------
    "accessibility_record": (
        "this record of the accessibility checks cannot be read; it is written by make test, not by hand: "
        "restore it with git (git checkout data/checks/accessibility.json) or run make test again"
    ),
    # --- Pages: template code and links (peaceops/site/templateproblems.py, pagecheck.py) ---------
    "unknown_name": '"{name}" is not a name pages can use{suggestion}; check its spelling',
    "unknown_macro": 'there is no macro called "{name}"{suggestion}; check its spelling',
    "unknown_attribute": '{owner} has nothing called "{name}"{suggestion}; check its spelling',
    "macro_missing_value": 'the macro "{macro}" needs a value for "{value}"; write it as {call}',
    "macro_no_values": 'the macro "{macro}" takes no values; write it with empty brackets: {call}',
    "unknown_value": '"{name}" is not a value the macro "{macro}" knows{suggestion}; check its spelling',
    "macro_too_many_values": 'the macro "{macro}" takes at most {count} value(s) in its brackets; write it as {call}',
    "macro_unknown_value": 'the macro "{macro}" has no value called "{value}"{suggestion}; write it as {call}',
    "page_cannot_render": "this line cannot be shown ({detail}); check the code between {{{{ }}}} or {{% %}}",
    "page_in_macro": " (the mistake shows up in {where})",
    "unknown_page_id": (
        'no page has the page_id "{page_id}"{suggestion}; use the page_id written at the top of the page '
        "you link to"
    ),
    "unknown_country_code": (
        'no country page has the code "{code}"{suggestion}; use a country code from data/missions.yaml'
    ),
    "template_single_brace": "this {{{{ is closed with a single }}; close it with }}}}",
    "template_unclosed_bracket": "a bracket ( on this line is never closed; add ) before }}}} or %}}",
    "template_unclosed_print": "this {{{{ is never closed; add }}}} after the name",
    "template_unclosed_tag": "this {{% is never closed; add %}} at the end of the instruction",
    "template_unclosed_block": (
        "this {{% {block} %}} is never closed; add {{% end{block} %}} where the part it controls ends"
    ),
    "template_unknown_tag": '"{{% {tag} %}}" is not an instruction pages can use{suggestion}',
    "template_unknown_filter": 'there is no filter called "{name}"{suggestion}; check its spelling',
    "template_other": "this line cannot be read ({detail}); check the code between {{{{ }}}} or {{% %}}",
    "link_not_found": (
        'the link "{target}" goes to a page that does not exist in {folder}{suggestion}; '
        "link to the file name of a page there"
    ),
    "link_anchor": (
        'the link "{target}" goes to a part of a page that does not exist (no heading there has the id '
        '"{anchor}"); check the part after # against the headings of that page'
    ),
    "page_markup": (
        '"{found}" could run a script or load something from another site; a page holds text, headings, '
        "lists, tables, links and the macros between {{{{ }}}}, and no HTML of this kind"
    ),
    "page_image_elsewhere": (
        'the image "{target}" is on another site: each reader\'s browser would ask that site for it; a page '
        "shows no image from another site"
    ),
    "page_link_scheme": (
        'the link "{target}" is a {scheme}: address; a page links to its own pages and to https:// (or '
        "http://, mailto:) addresses only"
    ),
    "link_absolute": (
        'the link "{target}" starts with /; link to the page\'s file name instead (such as {example}), '
        "so that it works in both languages and on every address the site is published at"
    ),
    # --- The command line and the preview ----------------------------------------------------
    "coverage": (
        "Coverage: officer figures for {figures} of {missions} missions; {no_roles} missions without a role, "
        "{no_language} without a language of operation, {no_armed} without armed or unarmed; {sources} sources."
    ),
    # The last line of a check that found problems: how many, and in which files.
    "summary_problems": "{count} problem{plural} in {file}; nothing was built.",
    "summary_problems_files": "{count} problem{plural}: {files}; nothing was built.",
    "summary_in": "{count} in {file}",
    "build_failed": "The build failed; {folder}/ was left as it was.",
    "local_repository": (
        "REPOSITORY_URL is not set: an independent site built here names its publisher without an address, "
        "and has a \"Report a problem\" link only if data/publisher.yaml gives an email"
    ),
    "local_address": (
        "SITE_URL is not set: a local build, whose links for other sites (canonical, sitemap, feeds) "
        "use the placeholder {placeholder}"
    ),
    "find_count": "Found on {count} line{plural}; change the text there, in both languages.",
    "find_nothing": (
        'no line of data/, content/ or mkdocs.yml holds "{words}". Look for fewer words, as typed (a number or '
        "a date in it is filled in by the site: leave it out). A country's name comes from the ISO standard "
        "(rename it in data/countries.yaml), a language's from CLDR, and the words of the menus and the search "
        "from the theme: ask a developer for those"
    ),
    "preview_updated": "Preview updated: {url}",
    "preview_updated_first": (
        "Preview updated: {url} ({pages} first, as the browser showed them; the other pages follow in a moment)"
    ),
    "preview_build_failed": "The preview could not be rebuilt: {detail}",
    "preview_kept": (
        "The preview still shows the last version without problems; fix the lines above and save, "
        "and it will update by itself."
    ),
    "preview_nothing_yet": (
        "The preview shows the list of problems until they are fixed; fix the lines above and save, "
        "and it will update by itself."
    ),
    "preview_page_title": "The site cannot be previewed yet",
    # --- The source watch (make watch; peaceops/watch/) ----------------------------------------
    # One line per address that needs an editor, placed at the address in data/sources.yaml. The
    # first word says the kind; an indented line after it is a suggestion to copy into the file.
    "watch_changed": (
        "changed: {key}, {language} page ({address}): its text is not what the watch read on {since}; "
        "check what these records take from it: {records}"
    ),
    "watch_moved": (
        "moved: {key}, {language} page ({address}): it now answers at {new}; if it is the same page, "
        "give the source its new address (records that cite it: {records})"
    ),
    "watch_gone": (
        "gone: {key}, {language} page ({address}): {why}; the records that cite it need an archived copy "
        "or another source: {records}"
    ),
    "watch_unreachable": (
        "unreachable: {key}, {language} page ({address}): {why}. This is trouble reaching the site, "
        "not a sign that the page is gone; the next watch tries again"
    ),
    "watch_not_checked": (
        "not checked: {key}, {language} page ({address}): the site's robots.txt asks robots not to read it, "
        "so the watch does not; check it by hand now and then"
    ),
    "watch_no_records": "no record cites it",
    "watch_gone_status": "the site says it no longer exists ({status})",
    "watch_gone_home": "the site now sends readers to its home page ({final}) instead",
    "watch_timeout": "the site did not answer within {seconds} seconds",
    "watch_unknown_host": "the site's name ({host}) could not be found",
    "watch_connection": "the connection to the site failed ({reason})",
    "watch_server_error": "the site answered with an error ({status})",
    "watch_too_many_redirects": "the address sends readers on through more than {count} other addresses",
    "watch_odd_redirect": "the site sends readers to an address the watch cannot follow ({target})",
    "watch_long_redirect": (
        "the site sends readers to an address longer than {limit} characters, which the watch does not follow"
    ),
    "watch_archive_unreadable": "an answer the watch cannot read",
    "watch_suggest_address": "    suggested line for {key} in {file}: {line}",
    "watch_suggest_archived": "    the Wayback Machine has a copy ({days}); suggested line for {key} in {file}: {line}",
    "watch_archive_trouble": (
        "    the Wayback Machine could not be asked for a copy of the {language} page ({why}); "
        "look for one at web.archive.org"
    ),
    "watch_summary": (
        "Source watch, {day}: {addresses} addresses of {sources} sources checked; {found}. "
        "{state} now records what was found: commit it once you have read this report."
    ),
    "watch_nothing": "nothing to report",
    "watch_count": "{count} {kind}",
    "watch_data_problems": "The source watch reads {file}: fix the problems above first (make check lists them all).",
    # The watch's deadlines (peaceops/watch/deadline.py): one page's, the whole run's.
    "watch_page_deadline": (
        "the page did not come whole within {limit}, the watch's limit for one page and its redirects"
    ),
    "watch_run_deadline": "the watch reached its limit for the whole run ({limit}) first",
    "watch_robots_deadline": (
        "the site's robots.txt did not come whole within {limit}, the watch's limit for one page; its pages are "
        "not read this time"
    ),
    "watch_run_cut": (
        "The watch stopped at its limit for the whole run ({limit}): {count} addresses were not read this time and "
        "keep what the last watch recorded; the next watch reads them: {which}"
    ),
    "watch_count_not_read": "{count} not read (the run's time limit)",
    # An archived copy not offered (peaceops/watch/archive.py): the line, then why.
    "watch_no_archive": (
        "    no archived copy found for the {language} page ({why}); look in Library and Archives Canada's "
        "web archive (bac-lac.wayback.archive-it.org), or cite another source"
    ),
    "watch_archive_none": "the Wayback Machine has none",
    "watch_archive_not_web": "the Wayback Machine's answer is not a web address (http or https)",
    "watch_archive_other_host": "the Wayback Machine's answer is an address on another site than the archive's",
    "watch_archive_no_capture": "the Wayback Machine's answer is not the address of a capture (…/web/DATE/page)",
    "watch_archive_no_date": "the Wayback Machine's answer has no capture date that can be true",
    "watch_archive_other_page": "the Wayback Machine's answer is a copy of another page",
    "watch_archive_not_citable": "the Wayback Machine's answer is not an address a source may cite",
    "watch_not_citable": (
        "    no line suggested for {key}: the address it now answers at is not one a source may cite (make check "
        "accepts public http and https addresses only); check the page by hand"
    ),
    # The last state (data/checks/sources.json) cannot be read: one line, then the watch stops.
    "watch_state_unreadable": (
        "the source watch's last state cannot be read: {why}. The watch stopped before reading any page and left "
        "this file as it is; {todo}"
    ),
    "watch_state_restore": (
        "restore the last one committed (git checkout -- {file}), or delete it to start afresh (the next watch "
        "then records every page anew, with nothing to compare)"
    ),
    "watch_state_update": "update this copy of the repository (git pull), then run the watch again",
    "watch_state_json": "it is not valid JSON here ({error})",
    "watch_state_cut": "it ends too soon, as if cut short",
    "watch_state_empty": "it is empty",
    "watch_state_not_utf8": "it is not UTF-8 text",
    "watch_state_too_large": "it is {size} MB, far more than the watch writes (under {limit} MB)",
    "watch_state_unopenable": "it cannot be opened ({reason})",
    "watch_state_newer": (
        "it is in format {found}, written by a newer watch than this one, which reads formats up to {known}"
    ),
    "watch_state_unknown": "{name} is not something the watch records",
    "watch_state_missing": "{where} has no {name}",
    "watch_state_wrong": "{where} must be {expected}, got {got}",
    # Options that cannot work (peaceops/watch/options.py): one line each, then the watch does not start.
    "watch_option_address": (
        "{option} must be a web address starting with http:// or https://, such as {example}, got {got}"
    ),
    "watch_option_seconds": "{option} must be a number of seconds above 0 and at most {most}, got {got}",
    "watch_option_pause": "{option} must be a number of seconds, 0 or more and at most {most}, got {got}",
    "watch_option_day": "--day must be a date written YYYY-MM-DD, got {got}",
    "watch_options_refused": (
        "The source watch did not start: nothing was read and no state was written (python -m peaceops watch "
        "--help lists the options)."
    ),
    # English fallbacks for the preview's problem box, whose texts are in data/interface.yaml
    # (preview.banner.*): that file may be the one with the problem.
    "preview_banner_heading": "The preview cannot show your latest changes",
    "preview_banner_kept": (
        "This page is the last version without problems. Fix each line listed below in the file named, "
        "then save: the preview updates by itself and this box goes away."
    ),
    "preview_banner_nothing_yet": (
        "The site could not be built yet. Fix each line listed below in the file named, then save: "
        "the preview updates by itself."
    ),
    "preview_page_help": (
        "Fix these problems in the files named below and save; this page will then show the site by itself."
    ),
}

def message(message_key: str, /, **params: object) -> str:
    """The wording for ``key`` with its placeholders filled in."""
    return MESSAGES[message_key].format(**params)


def describe(value: object) -> str:
    """How a wrong value is shown back to the editor: quoted text, or what kind of thing it was."""
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    if value is None or value == "":
        return "nothing"
    return f'"{_visible(str(value))}"'


def _visible(text: str) -> str:
    """Invisible characters written as YAML escapes ("java\\nscript:"), so that a message stays one
    line and shows what is there."""
    return _INVISIBLE.sub(lambda found: _ESCAPES.get(found.group(0), f"\\u{ord(found.group(0)):04x}"), text)


_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}
