#pragma once
// The Follow-ups view: every follow-up not done yet, earliest first, overdue ones marked.
// (Ticking them off with an outcome belongs to the weekly review, which extends this view.)
#include "core/records.h"
#include "gui/services.h"

#include <wx/panel.h>

#include <functional>

class wxDataViewListCtrl;
class wxStaticText;

namespace rapport::gui {

class FollowUpsView : public wxPanel {
public:
    FollowUpsView(wxWindow* parent, Services& services, std::function<void(Id)> open_customer);
    ~FollowUpsView() override;

    void Reload();

private:
    Services& m_services;
    std::function<void(Id)> m_openCustomer;
    ChangeNotifier::Token m_subscription = 0;
    wxStaticText* m_summary = nullptr;
    wxDataViewListCtrl* m_list = nullptr;
};

} // namespace rapport::gui
