// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "What we learned": the lessons written on incidents (the root cause / lesson field), grouped
// by category with the category's incidents and money given back, the newest lesson first, and
// the categories that keep coming back (kComingBackIncidents or more incidents in the
// kComingBackDays days up to today).
#include "core/records.h"
#include "store/database.h"

#include <string>
#include <vector>

namespace rapport::store {

inline constexpr int kComingBackDays = 90;
inline constexpr std::int64_t kComingBackIncidents = 3;

struct LessonRow {
    Id interaction_id = 0;
    Date on;
    std::string customer;
    std::string lesson;
    Money given_back; // accepted resolutions of this incident
    bool operator==(const LessonRow&) const = default;
};

struct LessonCategory {
    Category category = Category::other;
    std::int64_t incidents = 0;     // every incident of the category up to today
    std::int64_t recent = 0;        // of them, in the kComingBackDays days up to today
    Money given_back;               // accepted resolutions of those incidents
    std::int64_t lesson_count = 0;  // the incidents with a lesson
    std::vector<LessonRow> lessons; // those lessons (or the newest asked for), newest first
    bool keeps_coming_back() const { return recent >= kComingBackIncidents; }
};

struct LessonsReport {
    // Categories with at least one incident: the one with the newest lesson first, then those
    // without a lesson by the vocabulary's order.
    std::vector<LessonCategory> categories;
    std::int64_t lessons = 0; // lessons in all categories
    // The categories that keep coming back, the most incidents in the 90 days first (indexes
    // into `categories`).
    std::vector<std::size_t> coming_back;
};

inline constexpr std::size_t kEveryLesson = 0;

// Incidents after `today` are not counted; archived customers' incidents are. `newest` lessons
// of each category at most (kEveryLesson: all of them): the window shows a screenful, not the
// 400,000 lessons of a million incidents; the counts count them all either way.
LessonsReport lessons_report(Database& db, Date today, std::size_t newest = kEveryLesson);

} // namespace rapport::store
