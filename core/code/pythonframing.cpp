// Line framing in Python, shared by the TCP programs: TCP is a stream, so lines are cut out of a
// buffer, whatever pieces they arrived in.

#include "generators.h"
#include "programtext.h"

namespace socketeer::code {

void pythonFraming(const CodeSettings &settings, ProgramText &program, bool splitter)
{
    if (!framed(settings))
        return;
    program.add(uR"(DELIMITER = @DELIMITER@    # where one message (a line) ends
MAX_LINE = @MAX_LINE@    # a longer line is an error, not an ever-growing buffer
)");
    if (!splitter)
        return;
    program.add(uR"(

def split_lines(buffer):
    """TCP keeps no message boundaries: one recv() may hold part of a line, or several lines.
    Returns the whole lines in buffer (without their line end) and the start of the next one."""
    *lines, rest = buffer.split(DELIMITER)
)");
    if (settings.frame.kind == FrameKind::Line)
        program.add(u"    lines = [line.removesuffix(b'\\r') for line in lines]    # a CR LF line end counts too\n");
    program.add(uR"(    if len(rest) > MAX_LINE or any(len(line) > MAX_LINE for line in lines):
        raise ValueError('a line longer than {} bytes'.format(MAX_LINE))
    return lines, rest
)");
}

} // namespace socketeer::code
