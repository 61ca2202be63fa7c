#pragma once
// Tab goes where the eye reads. Qt's default Tab order is the order widgets were created in, which
// drifts from the layout as panels grow (a toolbar added above a log, a row moved). Instead each
// window lays its Tab order along its layouts: grids and forms row by row, left to right, boxes in
// their visual direction, into tab pages, stacks, splitters, scroll areas and docks. A control
// added to a layout is then in the right place without anyone editing a list.

#include <QList>

class QWidget;

namespace socketeer::ui {

enum class Shown { Only, AndHidden };

// The controls under `root` (buttons, fields, lists, tab bars: what Tab stops at) in the layouts'
// reading order. With Shown::Only, what the user sees now (the current tab page, visible fields).
QList<QWidget *> controlsInReadingOrder(QWidget *root, Shown shown);

// Chains the Tab order of every control under `root`, shown or hidden, in reading order. Call it
// once the widgets are in their layouts; hidden controls keep their place for when they are shown.
void setTabOrderFromLayout(QWidget *root);

} // namespace socketeer::ui
