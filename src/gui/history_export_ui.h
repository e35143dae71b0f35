#pragma once
// File > Export all data: the owner's whole history as one CSV file per kind of record in a
// folder, or as one JSON file, so they can always take their data elsewhere.
class wxWindow;

namespace rapport::gui {

class Services;

// Asks for a folder, writes the CSV files and reports how many records of each kind.
void ExportAllDataAsCsv(wxWindow* parent, Services& services);
// Asks for a file name, writes the JSON document and reports the counts.
void ExportAllDataAsJson(wxWindow* parent, Services& services);

} // namespace rapport::gui
