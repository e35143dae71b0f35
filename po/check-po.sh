#!/usr/bin/env bash
# check-po.sh LANG.po rapport.pot
# Fails, naming every one of them, when the catalog lacks a translation of a string the code
# now has (new strings, and strings changed since they were translated), or when a translation
# breaks a format such as %s or %d.
set -euo pipefail
po="$1"
pot="$2"
lang="$(basename "$po" .po)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Placeholders, plural forms and the header, as msgfmt checks them when building the .mo.
msgfmt --check --output-file=/dev/null "$po"

# The sentences of the core and the store (src/core/message.h) hold fmt's "{}" placeholders,
# which msgfmt does not know: a translation must have as many, all "{}" or all numbered
# "{0}".."{n-1}", or the window falls back to the English sentence.
braces="$(msgcat --no-wrap "$po" | awk '
    function count(s, kind,   n, t) { n = 0; t = s
        while (match(t, /\{[0-9]*\}/)) {
            if (RLENGTH == 2) kind["auto"] = 1; else kind["num"] = 1
            n++; t = substr(t, RSTART + RLENGTH) }
        return n }
    function check(   n, m, k, s) {
        if (str == "" || str == "\"\"" || id !~ /\{\}/) return
        n = count(id, k); delete k; m = count(str, k)
        s = str
        while (match(s, /\{[0-9]+\}/)) {
            if (substr(s, RSTART + 1, RLENGTH - 2) + 0 >= n) m = -1
            s = substr(s, RSTART + RLENGTH) }
        if (n != m || (("auto" in k) && ("num" in k)))
            printf "  %s\n    %s\n", id, str }
    /^msgid "/  { check(); id = substr($0, 7); str = "" }
    /^msgstr "/ { str = substr($0, 8) }
    END         { check() }')"
if [ -n "$braces" ]; then
    echo "$lang.po has translations whose {} placeholders do not match the English:"
    printf '%s\n' "$braces"
    exit 1
fi

msgmerge --quiet --no-wrap --previous --output-file="$tmp/merged.po" "$po" "$pot"
total=$(msgattrib --no-obsolete --no-wrap "$tmp/merged.po" | grep -c '^msgid "..*"$' || true)

# Lists the entries of a msgattrib selection as "  file:line  "msgid"".
list_entries() {
    msgattrib --no-obsolete --no-wrap "$@" "$tmp/merged.po" | awk '
        /^#: /       { where = $2 }
        /^msgid ".+"$/ { sub(/^msgid /, ""); printf "  %-40s %s\n", where, $0 }'
}
missing="$(list_entries --untranslated)"
fuzzy="$(list_entries --only-fuzzy)"

if [ -z "$missing" ] && [ -z "$fuzzy" ]; then
    echo "$lang: all $total strings translated"
    exit 0
fi
if [ -n "$missing" ]; then
    echo "$lang.po has no translation for $(printf '%s\n' "$missing" | wc -l) of the $total strings:"
    printf '%s\n' "$missing"
fi
if [ -n "$fuzzy" ]; then
    echo "$lang.po has a translation of an older text (fuzzy) for these:"
    printf '%s\n' "$fuzzy"
fi
echo "To fix: cmake --build <build dir> --target update-po, translate the empty entries in"
echo "po/$lang.po, check the fuzzy ones against their new English text and remove '#, fuzzy'."
exit 1
