// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/csv_dialect.h"

#include "core/errors.h"

#include <algorithm>
#include <cctype>
#include <string>

#ifdef _WIN32
#include <windows.h>
#else
#include <langinfo.h>
#include <locale.h>
#endif

namespace rapport {

char csv_field_separator(CsvDialect d) {
    return d == CsvDialect::semicolon ? ';' : ',';
}

char csv_decimal_mark(CsvDialect d) {
    return d == CsvDialect::semicolon ? ',' : '.';
}

std::string_view to_key(CsvDialect d) {
    return d == CsvDialect::semicolon ? "semicolon" : "comma";
}

std::optional<CsvDialect> parse_csv_dialect(std::string_view text) {
    std::string key(text);
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (key == "auto")
        return std::nullopt;
    if (key == "comma" || key == "en")
        return CsvDialect::comma;
    if (key == "semicolon" || key == "de")
        return CsvDialect::semicolon;
    throw InputError(tr("The CSV dialect \"{}\" is not one of: auto (this computer's language), "
                        "comma (or en: English spreadsheets), semicolon (or de: German "
                        "spreadsheets)."),
                     text);
}

CsvDialect csv_dialect_for_decimal_mark(std::string_view decimal_mark) {
    return decimal_mark == "," ? CsvDialect::semicolon : CsvDialect::comma;
}

CsvDialect system_csv_dialect() {
#ifdef _WIN32
    // Excel reads CSV with the user's regional settings, whatever language the program speaks.
    wchar_t mark[8] = {};
    if (GetLocaleInfoEx(LOCALE_NAME_USER_DEFAULT, LOCALE_SDECIMAL, mark, 8) > 0 &&
        mark[0] == L',' && mark[1] == 0)
        return CsvDialect::semicolon;
    return CsvDialect::comma;
#else
    // The environment's locale, looked up without setlocale(): the process keeps its own (the
    // window may have set one, and nothing else here should start formatting differently).
    const locale_t user = newlocale(LC_NUMERIC_MASK, "", locale_t(0));
    if (user == locale_t(0))
        return CsvDialect::comma;
    const CsvDialect d = csv_dialect_for_decimal_mark(nl_langinfo_l(RADIXCHAR, user));
    freelocale(user);
    return d;
#endif
}

} // namespace rapport
