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
