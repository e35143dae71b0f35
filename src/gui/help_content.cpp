// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/help_content.h"

#include "gui/format.h"

#include <wx/numformatter.h>
#include <wx/translation.h>

namespace rapport::gui {
namespace {

wxString Escape(const wxString& text) {
    wxString out;
    for (const wxUniChar ch : text) {
        if (ch == '&')
            out += "&amp;";
        else if (ch == '<')
            out += "&lt;";
        else if (ch == '>')
            out += "&gt;";
        else
            out += ch;
    }
    return out;
}

// Paragraphs are translated whole; they may carry <b>, <i> and <tt> markup, nothing else.
wxString P(const wxString& text) {
    return "<p>" + text + "</p>\n";
}

wxString List(const std::vector<wxString>& items, bool numbered = false) {
    wxString out = numbered ? "<ol>\n" : "<ul>\n";
    for (const auto& item : items)
        out += "<li>" + item + "</li>\n";
    return out + (numbered ? "</ol>\n" : "</ul>\n");
}

wxString Chapter(const wxString& anchor, const wxString& title) {
    return "<a name=\"" + anchor + "\"></a><h2>" + Escape(title) + "</h2>\n";
}

// A command to type, kept in English: the command line does not translate.
wxString Command(const wxString& text) {
    return "<p><tt>&nbsp;&nbsp;" + Escape(text) + "</tt></p>\n";
}

// 0.6 as "60", 0.125 as "12.5" (in the locale's decimal separator).
wxString Percent(double share) {
    return wxNumberFormatter::ToString(share * 100.0, 1, wxNumberFormatter::Style_NoTrailingZeroes);
}

wxString Number(double value, int decimals) {
    return wxNumberFormatter::ToString(value, decimals, wxNumberFormatter::Style_WithThousandsSep);
}

wxString GettingStarted(const Settings& s) {
    wxString html = Chapter("start", _("Getting started"));
    html += P(_("Rapport keeps the memory of your difficult customers: what happened, what you "
                "offered to put it right, what that cost you, and when to check back. There is "
                "nothing to set up: the first time it starts, it makes an empty file for your data "
                "and shows the <b>Today</b> page."));
    html += P(_("To look around before you enter anything real, choose <b>File &gt; Explore demo "
                "data</b>. The made-up customers live in a separate file; <b>Back to my data</b> "
                "returns to yours."));
    html += P(wxString::Format(
        _("Open <b>File &gt; Settings</b> (Ctrl+,) once to tell Rapport your business name, your "
          "currency (now %s), what an hour of your time is worth (now %s) and your usual gross "
          "margin (now %s %%). These make the money figures yours."),
        Escape(Wx(s.currency)), Escape(FormatMoney(s.hourly_rate, s.currency)),
        Escape(FormatPercentNumber(s.default_margin))));
    html += P(_("The pages on the left are <b>Today</b> (what needs you now), <b>Customers</b> "
                "(everyone, with their history), <b>Follow-ups</b> (the calls you promised) and "
                "<b>Reports</b> (where the time and money went). Ctrl+1 to Ctrl+4 switch between "
                "them."));
    return html;
}

wxString LoggingAnIncident() {
    wxString html = Chapter("log", _("Logging an incident"));
    html += P(_("Log it right after the call or visit, while you still remember the details. "
                "Press <b>Ctrl+N</b> from anywhere; the keyboard is enough for the whole form."));
    html += List({
        _("<b>Customer</b>: start typing the name and pick from the list. A name Rapport has "
          "not seen yet becomes a new customer when you save."),
        _("<b>What happened</b> and <b>what they asked for</b>, in your own words. A few words "
          "are enough; an order number helps later."),
        _("<b>Category</b>, <b>channel</b> and <b>severity</b> (1 mild to 5 severe), and the "
          "<b>minutes</b> it took: your time is part of what a customer costs."),
        _("<b>What you offered</b>: refund, replacement, discount, store credit, free upgrade, "
          "repair or technician visit, or an apology only, with its cost to the shop and whether "
          "it was offered, accepted or declined. Only accepted ones count as money given back."),
        _("<b>Follow-up</b>: the day to check that the customer is happy now, and a note of "
          "what to ask."),
        _("The <b>checklist</b> (listened, showed understanding, apologised, offered solutions, "
          "agreed a follow-up) and the <b>lesson</b>: what caused it and what to change."),
    });
    html += P(_("<b>Ctrl+Enter</b> saves. When a customer has complained several times before, a "
                "banner says so, and the resolution you usually give for the category is "
                "proposed."));
    html += P(_("Made a mistake? <b>Ctrl+Z</b> undoes the last change, such as a deleted "
                "incident. Everything is saved the moment you press Save."));
    return html;
}

wxString WeeklyReview(const Settings& s) {
    wxString html = Chapter("review", _("The weekly review"));
    html += P(_("Once a week, open <b>Follow-ups</b> (Ctrl+3). It lists the follow-ups that are "
                "overdue, then those due this week, day by day. The number beside Follow-ups in "
                "the sidebar is how many are overdue."));
    html += P(_("<b>File &gt; Print follow-ups of the week</b> (Ctrl+P) puts the list on paper "
                "if you make the calls away from the computer."));
    html += P(_("Make the calls. For each one, select it and press <b>1</b> satisfied, <b>2</b> "
                "still unhappy, <b>3</b> no answer or <b>4</b> other, then Enter, with a note and "
                "the minutes it took if you like. A customer who is still unhappy may need "
                "another offer and another follow-up. One you could not reach moves on with "
                "<b>T</b> (a day), <b>W</b> (a week) or <b>M</b> (a day you choose). Ctrl+Z "
                "undoes."));
    html += P(_("When you ask them, note how satisfied they are from 1 (very unhappy) to 5 (very "
                "happy) and what they said. <b>Reports &gt; Follow-ups and answers</b> then shows "
                "how many calls were made on time, the share satisfied (4 or 5) and the average, "
                "by category and by what was given: which remedy works."));
    html += P(_("Each line shows the customer's phone and email. <b>E</b> (Write to them) opens "
                "your mail program with a drafted message: thanks for their patience, what was "
                "done, whether they are satisfied, an invitation to tell you more. <b>C</b> (Copy "
                "message) puts the same text on the clipboard for a text message. The text is "
                "yours to change in the settings, with placeholders for the first name, your "
                "business name, what happened, what was given and the day. From a script:"));
    html += Command("rapport-cli followup message 12");
    const bool iso = s.week_start == date::Monday;
    html += P(iso ? wxString(_("Weeks run from Monday to Sunday and are numbered as in ISO 8601 "
                               "(some years have a week 53). You can start weeks on another day "
                               "in the settings."))
                  : wxString(_("Your weeks start on the day chosen in the settings.")));
    html += P(_("To see the follow-ups in your calendar, choose <b>File &gt; Export follow-ups "
                "to calendar</b> and import the file in your calendar program; importing a newer "
                "file updates the events instead of doubling them. From a script:"));
    html += Command("rapport-cli export followups --format ics --out followups.ics");
    html += P(_("<b>Haven't been back</b>, on Today and in Reports, lists the customers who "
                "quietly left: at least 3 purchases, and more days since the last one than both "
                "30 and twice their usual gap (the median of the gaps between their purchase "
                "days; several purchases on one day count once). The ones who brought the most "
                "margin in the year up to their last purchase come first. <i>Complaint on</i> "
                "under Last contact means the last you heard of them was a complaint. Select one "
                "and press <b>P</b> to plan a call for today: it goes on the follow-up list with "
                "their newest incident, or on its own for a customer who never complained, with "
                "its note in place of the incident. Ctrl+Z undoes. From a script:"));
    html += Command("rapport-cli customers gone");
    html += P(_("A call to a customer who never complained drafts its own message, which you can "
                "change in the settings (Message for: A call with no complaint), with "
                "placeholders for the first name, your business name and the day of the call. To "
                "plan a call for any customer on a day you choose from a script (the same as "
                "<b>P</b>; the customer is an id or an exact name):"));
    html += Command(
        "rapport-cli followup plan \"Anna Schmidt\" +7d --note \"Ask about the new season\"");
    html += P(_("<b>Reports &gt; Did it bring them back?</b> tells whether handling complaints "
                "well pays. A complaint counts once 90 days have passed since its day: it brought "
                "the customer back when they bought on one of the 90 days after it. A purchase "
                "on the day of the complaint does not count, as it is often the one complained "
                "about; nor does one after today. Each complaint counts, even several from one "
                "customer and from archived customers. The share is shown by category and by what "
                "was given (each accepted resolution once; an offer that was not accepted is not "
                "what was given). Beside it: the customers who never complained, where each day "
                "they bought is counted the same way, so you see what is usual in your shop. "
                "From a script:"));
    html += Command("rapport-cli report won-back");
    html += P(_("<b>Reports &gt; What we learned</b> gathers the root cause or lesson you wrote "
                "on incidents, by category, the newest first, with each category's incidents and "
                "the money given back on them. A category with 3 or more incidents in the last "
                "90 days keeps coming back and is named at the top. From a script:"));
    html += Command("rapport-cli report lessons");
    return html;
}

wxString WorthNumbers(const Settings& s) {
    wxString html = Chapter("worth", _("Is this customer worth it? The numbers"));
    html += P(_("Rapport weighs what a customer brings in against what they cost you, up to "
                "today, and says it in a sentence: on each customer's page, and for everyone in "
                "<b>Reports</b>. The figures are:"));
    html += List({
        wxString::Format(_("<b>Own margin</b>: each purchase times its gross margin (your usual "
                           "margin, %s %%, unless you typed another)."),
                         Escape(FormatPercentNumber(s.default_margin))),
        wxString::Format(_("<b>Time cost</b>: the minutes spent on their incidents and "
                           "follow-ups, at your hourly rate (%s an hour)."),
                         Escape(FormatMoney(s.hourly_rate, s.currency))),
        _("<b>Money given back</b>: the cost of the resolutions they <i>accepted</i>. Offers "
          "still open are shown apart as <i>pending</i> and count once accepted."),
        _("<b>Handling cost</b> is time cost plus money given back, and <b>net own value</b> is "
          "own margin minus handling cost."),
        wxString::Format(
            _("<b>Referral value</b>: for each customer they brought you, that customer's net own "
              "value, plus what winning a customer would otherwise cost you (%s), minus any "
              "reward you paid for the referral. A customer who would have come anyway counts "
              "only for the cost saved and the reward."),
            Escape(FormatMoney(s.acquisition_cost, s.currency))),
        _("<b>Total to date</b> is net own value plus referral value."),
    });
    html += P(wxString::Format(
        _("<b>The projection</b> is an estimate, shown apart from the figures above. It takes the "
          "last 365 days (margin minus handling cost), assumes a %s %% chance each year that the "
          "customer stays (an assumption you can change), discounts future years at %s %% a "
          "year, and adds up %s. The band beside it shows the same with a chance 15 "
          "points lower and higher."),
        Percent(s.retention), Percent(s.discount_rate),
        s.horizon_years == 1
            ? wxString(_("the next year"))
            : wxString::Format(wxPLURAL("the next %d year", "the next %d years", s.horizon_years),
                               s.horizon_years)));
    html += P(_("The verdict is the first of these that fits:"));
    html += List(
        {
            _("<b>Costing you: reprice or set limits</b>: the total to date is below zero and the "
              "projection is not above zero."),
            _("<b>Too little data yet</b>: fewer than two purchases, and the first record is less "
              "than 180 days old."),
            wxString::Format(_("<b>Mixed: watch</b>: the total to date is below zero, or the "
                               "handling cost is more than %s %% of what the customer brings "
                               "(own margin plus referral value when that is positive)."),
                             Percent(s.watch_ratio)),
            _("<b>Worth it</b>: everything else."),
        },
        true);
    html += P(wxString::Format(
        _("An example, at 30 an hour: purchases of 200 and 150 at 40 %% margin and 50 at 30 %% "
          "give an own margin of 155. 90 minutes of calls cost 45, and a refund of 25 and a "
          "discount of 10 were accepted: 35 given back. Handling cost 80, net own value 75. 80 "
          "is %s %% of 155, more than %s %%: <b>Mixed: watch</b>."),
        Number(80.0 / 155.0 * 100.0, 1), Percent(0.5)));
    html += P(_("Over all customers, Reports sorts them into four groups by net own value and "
                "referral value, each compared with the middle customer: <b>Champions</b> (high "
                "and high), <b>Affluents</b> (they buy well but bring nobody), <b>Advocates</b> "
                "(they buy little but bring others) and <b>Misers</b> (low and low)."));
    html += P(_("Rapport never advises letting a customer go before other steps: setting limits "
                "on what you give back or on your time, charging for the extra handling, and a "
                "frank, calm talk."));
    return html;
}

wxString AccountantExport() {
    wxString html = Chapter("accountant", _("Exporting for the accountant"));
    html += P(_("At the end of a month, quarter or year, your accountant may want the money you "
                "gave back: refunds, replacements, discounts, store credit and the like. The "
                "export has one row per <i>accepted</i> resolution with a cost, between two dates "
                "(both included): date, customer, incident, category, type, amount, currency and "
                "a summary, with totals by type and by month."));
    html += P(_("Choose <b>File &gt; Export for accountant</b>, pick the period (last month, "
                "last quarter, last year or chosen days) and CSV or XLSX. The XLSX workbook "
                "opens the same in Excel and LibreOffice in any language, with the rows on one "
                "sheet and the totals on another."));
    html += P(_("The CSV file is written for a spreadsheet in your computer's language: in "
                "German with semicolons between the columns and a decimal comma (1234,56), in "
                "English with commas and a decimal point (1234.56). Dates are written like "
                "2026-11-25, which both read as dates. If your accountant's spreadsheet speaks "
                "the other language, choose it under <b>CSV for</b>; Rapport remembers the "
                "choice, and <b>Export all data</b> writes its CSV files the same way."));
    html += P(_("A name or text that begins with =, +, - or @ could run as a formula when the "
                "file is opened, so the CSV puts an apostrophe in front of it. Excel hides the "
                "apostrophe; LibreOffice shows it, as in '=HYPERLINK(...). It is not part of the "
                "name, it only keeps the cell as text. The XLSX workbook needs no such sign: "
                "choose it if the apostrophes are in the way. From the command line:"));
    html += Command("rapport-cli export accountant --from 2026-01-01 --to 2026-03-31 --out "
                    "q1.xlsx");
    html += Command("rapport-cli export accountant --from 2026-01-01 --to 2026-03-31 --out "
                    "q1.csv --csv-dialect en");
    html += P(_("Run from a scheduled job, the same command sends the accountant the figures "
                "every month without you thinking of it. To take all your data elsewhere, "
                "<b>File &gt; Export all data</b> writes everything as CSV files or one JSON "
                "file."));
    return html;
}

wxString Backups(const Settings& s) {
    wxString html = Chapter("backups", _("Backups"));
    html += P(_("Each change is written safely the moment it is saved: a crash or a power cut "
                "does not lose what Rapport said it saved."));
    html += P(wxString::Format(
        _("Rapport also keeps backups by itself, in the <tt>backups</tt> folder beside your data "
          "file: one a day, keeping the last %d days and one for each of the last %d weeks, and "
          "one before each update of the file. The data file and its backups can be read only "
          "by you."),
        s.backup_keep_daily, s.backup_keep_weekly));
    html += P(_("A backup on the same disk does not survive the disk. Now and then use <b>File "
                "&gt; Back up now</b> to put one on a USB stick or another computer. <b>File &gt; "
                "Restore from backup</b> lists the backups and puts the one you choose back; your "
                "current data is kept as a safety copy first. The same from the command line:"));
    html += Command("rapport-cli backup --out /media/usb/rapport-backup.db");
    html += Command("rapport-cli backup --list");
    html += Command("rapport-cli restore BACKUP-FILE --yes");
    html += P(_("<tt>rapport-cli check</tt> looks for damage in the data file."));
    return html;
}

wxString DifficultCustomer() {
    wxString html = Chapter("difficult", _("Handling a difficult customer"));
    html += P(_("A customer who complains is giving you a second chance; the ones you really "
                "lose leave without a word. Handled well, an angry customer often becomes a loyal "
                "one, and tells others. These steps are the checklist of the incident form."));
    html += List(
        {
            _("<b>Keep your own temperature down.</b> The anger is about what happened, not about "
              "you. Do not argue and do not defend the shop yet; breathe, slow down, and think "
              "before you answer."),
            _("<b>Let them talk, and listen.</b> Do not interrupt. Note the facts, then say back "
              "in your own words what you understood, so they know they were heard."),
            _("<b>Show that you see their side.</b> Even when the problem looks small to you, it "
              "is not small to them: \"I can see why that annoyed you.\""),
            _("<b>Apologise, and own it.</b> Be sorry for the trouble they had. If the shop got "
              "it wrong, say so plainly, without excuses."),
            _("<b>If they are mistaken, do not say it bluntly.</b> Suggest looking at it together "
              "and leave them a way to change their mind without losing face."),
            _("<b>Fix it together.</b> Ask what would make it right. If it is fair and in your "
              "power, do it now; if not, offer a fair alternative: a refund, a replacement, a "
              "discount, store credit, an upgrade or a technician visit."),
            _("<b>Know when to hand it on.</b> If the customer turns abusive or refuses every "
              "fair offer, say calmly that someone else will take it over, and note who."),
            _("<b>Call back.</b> A few days later, check that the fix worked and ask what you "
              "could do better. Plan this follow-up before you hang up."),
            _("<b>Learn from it.</b> Write down what caused the problem and what you will change, "
              "so the next customer does not meet it."),
        },
        true);
    html += P(_("Very rarely, a customer costs more time, money and strain than the business is "
                "worth. Rapport's numbers help you see it, but set limits, change the price or "
                "have a frank talk first; letting someone go is the last step."));
    return html;
}

// A shop with staff (issue 16): who did what, two people on one record, and who may do what.
wxString ShopWithStaff() {
    wxString html = Chapter("staff", _("A shop with staff"));
    html +=
        P(_("Every incident, resolution, purchase, follow-up done and customer change keeps "
            "who saved it and when. On a file, several people often share one PC: choose your "
            "name in <b>Logged by</b> when you log an incident; Rapport uses it for every save "
            "of that window and remembers it on this PC. On a shop database, your login is who "
            "saves. A customer's history then says who logged each incident, and "
            "<b>Reports &gt; Who did what</b> sums, per person, the incidents logged, the money "
            "given back on them and the follow-ups done on time."));
    html += P(_("When two people change the same incident or customer at once, the second save "
                "is refused and says who changed it and when. Both versions are shown and what "
                "you typed stays in the form: save again to put yours over theirs, or cancel to "
                "keep theirs. Undo refuses the same way rather than overwrite someone's later "
                "change."));
    html += P(_("On a shop database there are two roles. The <b>owner</b> may do everything. "
                "<b>Staff</b> log and edit incidents, add customers and purchases and do the "
                "follow-ups; they do not see margins or the worth figures, and may not change the "
                "settings, delete customers or purchases, export for the accountant or restore a "
                "backup: those items show \"(owner only)\". The server itself enforces this, so "
                "it holds for any program. The owner sets up logins from a terminal:"));
    html += Command("rapport-cli server add-staff sam");
    html += Command("rapport-cli server add-owner maria");
    html += P(_("A file on this PC has no roles: whoever can open the file may do everything, so "
                "keep the PC's user account to yourself."));
    return html;
}

wxString Keyboard() {
    wxString html = Chapter("keys", _("Keyboard"));
    html += List({
        _("<b>Ctrl+N</b>: log an incident; <b>Ctrl+Enter</b> saves it."),
        _("<b>Ctrl+Shift+N</b>: a new customer."),
        _("<b>Ctrl+F</b>: find a customer by name, phone, note or a word from an incident."),
        _("<b>Ctrl+Z</b>: undo the last change."),
        _("<b>Ctrl+1</b> to <b>Ctrl+4</b>: Today, Customers, Follow-ups, Reports."),
        _("In the column on the left, <b>Up</b> and <b>Down</b> switch views. In the customer "
          "list, <b>Enter</b> opens the customer's history and <b>Delete</b> archives them "
          "(Ctrl+Z brings them back)."),
        _("<b>Ctrl+,</b>: settings. <b>F1</b>: this guide. <b>Ctrl+Q</b>: quit."),
        _("In forms, <b>Tab</b> moves to the next field and <b>Alt</b> with the underlined "
          "letter jumps to a field; <b>Esc</b> closes a dialog without saving."),
    });
    return html;
}

} // namespace

std::vector<HelpChapter> HelpChapters() {
    return {
        {"start", _("Getting started")},
        {"log", _("Logging an incident")},
        {"review", _("The weekly review")},
        {"worth", _("Is this customer worth it? The numbers")},
        {"accountant", _("Exporting for the accountant")},
        {"backups", _("Backups")},
        {"difficult", _("Handling a difficult customer")},
        {"staff", _("A shop with staff")},
        {"keys", _("Keyboard")},
    };
}

wxString HelpBodyHtml(const Settings& settings) {
    wxString html = "<a name=\"top\"></a><h1>" + Escape(_("Rapport guide")) + "</h1>\n";
    std::vector<wxString> contents;
    for (const auto& chapter : HelpChapters())
        contents.push_back("<a href=\"#" + chapter.anchor + "\">" + Escape(chapter.title) + "</a>");
    html += List(contents);
    html += GettingStarted(settings);
    html += LoggingAnIncident();
    html += WeeklyReview(settings);
    html += WorthNumbers(settings);
    html += AccountantExport();
    html += Backups(settings);
    html += DifficultCustomer();
    html += ShopWithStaff();
    html += Keyboard();
    return html;
}

} // namespace rapport::gui
