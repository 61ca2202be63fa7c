#pragma once
// What the code view needs of whichever panel is current: the settings its fields stand for, as
// the program generator takes them (core/code), without the panels knowing about the code view.

#include "code/codesettings.h"
#include "net/error.h"

#include <optional>

class QWidget;

namespace socketeer::ui {

// nullopt for a tab with no program; an error naming the field that is not valid.
std::optional<Result<CodeSettings>> codeSettingsOf(QWidget *panel);

} // namespace socketeer::ui
