// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/accessibility.h"

#include <wx/stattext.h>
#include <wx/window.h>

#include <memory>

#ifdef __WXGTK__
#include <wx/bookctrl.h>
#include <wx/control.h>
#include <wx/dataview.h>
#include <wx/stattext.h>

#include <vector>

#include <atk/atk.h>
#include <gtk/gtk-a11y.h>
#include <gtk/gtk.h>
#endif

namespace rapport::gui {

#ifdef __WXGTK__
namespace {

// The GTK widget that takes the keyboard for a wx window, which is the one a screen reader
// announces: a list's tree view, not the scrolled window around it; a panel's drawing area.
// C++'s dynamic_cast, not wxDynamicCast: that macro static_casts first, which UBSan reports as
// undefined for any other window (a Sidebar "downcast" to wxDataViewCtrl).
GtkWidget* NativeOf(wxWindow* window) {
    if (!window)
        return nullptr;
    if (auto* list = dynamic_cast<wxDataViewCtrl*>(window))
        return list->GtkGetTreeView();
    if (window->m_focusWidget)
        return window->m_focusWidget;
    return window->m_wxwindow ? window->m_wxwindow : window->m_widget;
}

// Every GTK widget the keyboard can land on for a wx window, each needing the same name: the
// one above; the scrolled window around a list or a pane, which GTK lets Tab stop on too; and
// for a control wx builds from others (the date picker: a combo around a text field) the
// parts that take the keyboard.
void CollectTargets(wxWindow* window, std::vector<GtkWidget*>& out) {
    GtkWidget* main = NativeOf(window);
    if (!main)
        return;
    out.push_back(main);
    if (window->m_widget && window->m_widget != main && gtk_widget_get_can_focus(window->m_widget))
        out.push_back(window->m_widget);
    // Not a notebook's pages nor a list's header: those are named on their own.
    if (dynamic_cast<wxControl*>(window) && !dynamic_cast<wxDataViewCtrl*>(window) &&
        !dynamic_cast<wxBookCtrlBase*>(window))
        for (wxWindow* part : window->GetChildren())
            if (part->AcceptsFocusFromKeyboard() || !part->GetChildren().empty())
                CollectTargets(part, out);
}

std::vector<AtkObject*> AccessiblesOf(wxWindow* window) {
    std::vector<GtkWidget*> widgets;
    CollectTargets(window, widgets);
    std::vector<AtkObject*> out;
    for (GtkWidget* w : widgets)
        if (AtkObject* object = gtk_widget_get_accessible(w))
            out.push_back(object);
    return out;
}

AtkObject* AccessibleOf(wxWindow* window) {
    GtkWidget* widget = NativeOf(window);
    return widget ? gtk_widget_get_accessible(widget) : nullptr;
}

// A hand-drawn entry is a wx panel, whose GTK widget (wxPizza) has a plain container's
// accessible: it cannot say "selected". This subclass adds the selectable and selected
// states a program marks on it, and is otherwise the same.
enum SelectionMark { kNotMarked = 0, kSelectable = 1, kSelected = 2 };

GQuark SelectionQuark() {
    static const GQuark quark = g_quark_from_static_string("rapport-accessible-selection");
    return quark;
}

AtkObjectClass* g_containerClass = nullptr;

AtkStateSet* RefStateSetWithSelection(AtkObject* object) {
    AtkStateSet* set = g_containerClass->ref_state_set(object);
    const int mark = GPOINTER_TO_INT(g_object_get_qdata(G_OBJECT(object), SelectionQuark()));
    if (mark >= kSelectable)
        atk_state_set_add_state(set, ATK_STATE_SELECTABLE);
    if (mark >= kSelected)
        atk_state_set_add_state(set, ATK_STATE_SELECTED);
    return set;
}

GType SelectableContainerAccessibleType() {
    static const GType type = [] {
        GTypeQuery parent;
        g_type_query(GTK_TYPE_CONTAINER_ACCESSIBLE, &parent);
        GTypeInfo info{};
        info.class_size = static_cast<guint16>(parent.class_size);
        info.instance_size = static_cast<guint16>(parent.instance_size);
        info.class_init = [](gpointer klass, gpointer) {
            g_containerClass = ATK_OBJECT_CLASS(g_type_class_peek_parent(klass));
            ATK_OBJECT_CLASS(klass)->ref_state_set = RefStateSetWithSelection;
        };
        return g_type_register_static(GTK_TYPE_CONTAINER_ACCESSIBLE,
                                      "RapportSelectableContainerAccessible", &info,
                                      static_cast<GTypeFlags>(0));
    }();
    return type;
}

// Gives wx panels the accessible above. Must happen before the panel's accessible is first
// made (GTK makes it once per widget, from its class); panels whose accessible exists already
// keep theirs, which behaves the same.
void MakePanelsSelectable(GtkWidget* widget) {
    static bool done = false;
    if (done || !GTK_IS_CONTAINER(widget) || g_strcmp0(G_OBJECT_TYPE_NAME(widget), "wxPizza") != 0)
        return;
    done = true;
    gtk_widget_class_set_accessible_type(GTK_WIDGET_GET_CLASS(widget),
                                         SelectableContainerAccessibleType());
}

AtkRole ToAtk(AccessibleRole role) {
    switch (role) {
    case AccessibleRole::list:
        return ATK_ROLE_LIST;
    case AccessibleRole::list_item:
        return ATK_ROLE_LIST_ITEM;
    case AccessibleRole::chart:
        return ATK_ROLE_CHART;
    case AccessibleRole::table:
        return ATK_ROLE_TABLE;
    case AccessibleRole::text:
        return ATK_ROLE_TEXT;
    }
    return ATK_ROLE_UNKNOWN;
}

} // namespace

void SetAccessibleName(wxWindow* control, const wxString& name) {
    for (AtkObject* object : AccessiblesOf(control))
        atk_object_set_name(object, name.utf8_str());
}

void SetAccessibleDescription(wxWindow* control, const wxString& description) {
    for (AtkObject* object : AccessiblesOf(control))
        atk_object_set_description(object, description.utf8_str());
}

void SetAccessibleRole(wxWindow* control, AccessibleRole role) {
    GtkWidget* widget = NativeOf(control);
    if (!widget)
        return;
    if (role == AccessibleRole::list_item)
        MakePanelsSelectable(widget);
    atk_object_set_role(gtk_widget_get_accessible(widget), ToAtk(role));
}

void SetLabelFor(wxStaticText* label, wxWindow* control) {
    GtkWidget* target = NativeOf(control);
    if (!label || !target || !GTK_IS_LABEL(label->m_widget))
        return;
    // The Alt+letter, for labels that have one. wx pairs each label with the next control
    // that takes the keyboard when it lays out the tab order, and may move it elsewhere.
    gtk_label_set_mnemonic_widget(GTK_LABEL(label->m_widget), target);
    // So the pairing a screen reader reads is said outright; it wins over the mnemonic one.
    AtkObject* text = gtk_widget_get_accessible(label->m_widget);
    for (AtkObject* object : AccessiblesOf(control)) {
        atk_object_add_relationship(object, ATK_RELATION_LABELLED_BY, text);
        atk_object_add_relationship(text, ATK_RELATION_LABEL_FOR, object);
    }
}

void SetAccessibleSelected(wxWindow* item, bool selected) {
    GtkWidget* widget = NativeOf(item);
    if (!widget)
        return;
    MakePanelsSelectable(widget);
    AtkObject* object = gtk_widget_get_accessible(widget);
    const int mark = selected ? kSelected : kSelectable;
    const int before = GPOINTER_TO_INT(g_object_get_qdata(G_OBJECT(object), SelectionQuark()));
    g_object_set_qdata(G_OBJECT(object), SelectionQuark(), GINT_TO_POINTER(mark));
    if (before == mark)
        return;
    atk_object_notify_state_change(object, ATK_STATE_SELECTED, selected);
    // The list keeps the keyboard while its entries change: say which entry is current now.
    if (selected && item->GetParent())
        if (AtkObject* list = AccessibleOf(item->GetParent()))
            g_signal_emit_by_name(list, "active-descendant-changed", object);
}

#else // not GTK: nothing to do

void SetAccessibleName(wxWindow*, const wxString&) {}
void SetAccessibleDescription(wxWindow*, const wxString&) {}
void SetAccessibleRole(wxWindow*, AccessibleRole) {}
void SetLabelFor(wxStaticText*, wxWindow*) {}
void SetAccessibleSelected(wxWindow*, bool) {}

#endif

void WrapToWidth(wxStaticText* label) {
    struct State {
        wxString full;    // the text as its owner set it
        wxString wrapped; // as last wrapped here
        int width = -1;
    };
    auto state = std::make_shared<State>();
    // Its sizer may give it less than one line's width: it takes the lines it then needs.
    label->SetMinSize(wxSize(label->FromDIP(80), -1));
    const auto rewrap = [label, state] {
        const wxString now = label->GetLabelText();
        if (now != state->wrapped) { // set anew by its owner
            state->full = now;
            state->width = -1;
        }
        const int width = label->GetSize().x;
        if (width < label->FromDIP(100) || width == state->width)
            return;
        state->width = width;
        label->SetLabelText(state->full);
        label->Wrap(width);
        state->wrapped = label->GetLabelText();
        // Its panel lays it out, and the panel around that gives the panel the new height.
        wxWindow* parent = label->GetParent();
        parent->Layout();
        if (parent->GetParent() && !parent->IsTopLevel() && !parent->GetParent()->IsTopLevel())
            parent->GetParent()->Layout();
    };
    label->Bind(wxEVT_SIZE, [label, rewrap](wxSizeEvent& e) {
        e.Skip();
        label->CallAfter(rewrap);
    });
}

} // namespace rapport::gui
