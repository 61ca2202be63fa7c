#pragma once
// The chat scene of the README's screenshots (issue 15): a chat room with nicknames and commands,
// three students in the Chat view, the teacher's list of who is in the room, and the room found on
// the network. Its own file, so a new scene does not grow screenshots.cpp.

#include <QString>

namespace socketeer::ui {
class Settings;
}

// Writes chat<suffix>.png (a student's Chat view, rooms found above it) and chatserver<suffix>.png
// (the server tab in chat mode). The room is announced, and found, only where an interface beyond
// loopback exists (scripts/screenshots.sh runs inside scripts/netns-run's private network).
bool chatScenes(socketeer::ui::Settings &settings, const QString &out, const QString &suffix);
