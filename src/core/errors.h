#pragma once
// Two kinds of failure every layer speaks. Each message is one sentence a shop owner can read.
#include <stdexcept>

namespace rapport {

// Something the user typed cannot be accepted: a bad date, amount, week or flag value.
// The CLI exits with 2; the GUI points at the field.
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The data refuses: an unknown or ambiguous customer, a file that is not ours, a failed write.
// The CLI exits with 1; the GUI shows a dialog and keeps the user's input.
class DataError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace rapport
