#!/usr/bin/python3
"""Writes socketeer(1), the bash completion and the zsh completion from the program's own --help.

The command line documents itself: `socketeer --help` and `socketeer COMMAND --help` for every
COMMAND that the top-level help lists. This script runs the built program for each of them (in the
C locale, with HOME set to "~" so that default folders read ~/.local/share/...), parses
QCommandLineParser's layout and writes the three files from what it read, so that the man page
and the completions never say anything the help does not. The EXAMPLES section is the README's
command-line block, kept there only.

What the completions offer, all of it read from the help text:
  * subcommands, and each one's options;
  * a fixed set of values where an option's description starts with one, or states it after the
    first colon: "none, starttls (default) or tls", "Concurrency model: event-loop (...) or
    thread-per-client" (a word list of two or more words joined by ", " and " or ");
  * a command's description that says "(--profile): a (...), b (...)." names --profile's values;
  * files for a value named <file>, <path>, <pem>, <FILE.json> (or an alternative of it, as in
    <any|file>: then the other alternatives too), folders for <folder>, environment variable names
    for <var>;
  * positional arguments from the usage line: "python|c" is a word list, HOST a host, FILE a file
    (with lab's built-in labs, which its description lists).

  cli-docs.py --binary build/app/socketeer --readme README.md --out DIR       writes DIR/socketeer.1,
                                                                              DIR/socketeer.bash, DIR/_socketeer
  cli-docs.py --binary build/app/socketeer --readme README.md --check DIR     exit 1 if they differ
"""

import argparse
import difflib
import os
import re
import subprocess
import sys
import tempfile

HELP_WIDTH = 79   # QCommandLineParser wraps option descriptions at this column

# --------------------------------------------------------------------------------------------------
# Reading the help


def run_help(binary, arguments, must=True):
    env = dict(os.environ)
    for name in ("LANGUAGE", "LC_MESSAGES", "LC_CTYPE", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        env.pop(name, None)
    # English, and the default folders spelled the way a user reads them (nothing is created:
    # the program only names them in the help, and it runs in an empty folder anyway).
    env.update(LC_ALL="C.UTF-8", LANG="C.UTF-8", HOME="~")
    with tempfile.TemporaryDirectory() as cwd:
        result = subprocess.run([binary] + arguments + ["--help"], cwd=cwd, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    if result.returncode != 0:
        if not must:
            return None
        sys.exit("cli-docs: %s %s --help exited %d: %s" % (binary, " ".join(arguments), result.returncode,
                                                           result.stderr.decode(errors="replace")))
    return result.stdout.decode("utf-8")


class Option:
    def __init__(self, names, value, text):
        self.names = names          # ["-h", "--help"]
        self.value = value          # "file", or None for a flag
        self.text = text
        self.values = []            # a fixed set of values, if the help names one
        self.kind = None            # "file", "dir", "env" or None

    @property
    def long(self):
        return [n for n in self.names if n.startswith("--")][0]


class Help:
    def __init__(self):
        self.usage = ""
        self.description = ""
        self.options = []
        self.arguments = []         # [(name, text)]
        self.trailer = ""


def join_wrapped(segments, column):
    """Undoes QCommandLineParser's wrapping of one option's description."""
    text = segments[0]
    width = HELP_WIDTH - column
    for previous, segment in zip(segments, segments[1:]):
        # A line with no space that fills the width was cut inside a word, not at a space.
        hard = " " not in previous and len(previous) >= width - 1
        text += ("" if hard else " ") + segment
    return text


def parse_block(lines, start, entry):
    """Entries of an "Options:" or "Arguments:" block: [(match, text)] and the index after it."""
    entries = []
    i = start
    while i < len(lines) and lines[i].strip():
        line = lines[i]
        m = entry.match(line)
        if not m:
            sys.exit("cli-docs: cannot read this help line: %r" % line)
        column = m.start("text") if m.group("text") is not None else len(line)
        segments = [m.group("text") or ""]
        i += 1
        while i < len(lines) and re.match(r"^ {4,}\S", lines[i]) and len(lines[i]) - len(lines[i].lstrip()) == column:
            segments.append(lines[i].strip())
            i += 1
        entries.append((m, join_wrapped(segments, column)))
    return entries, i


OPTION_LINE = re.compile(r"^  (?P<names>-{1,2}[\w-]+(?:, -{1,2}[\w-]+)*)(?: <(?P<value>[^>]+)>)?(?: +(?P<text>\S.*))?$")
ARGUMENT_LINE = re.compile(r"^  (?P<name>\S+)(?: +(?P<text>\S.*))?$")


def parse_help(text):
    lines = text.rstrip("\n").split("\n")
    if not lines[0].startswith("Usage: "):
        sys.exit("cli-docs: help does not start with Usage: %r" % lines[0])
    help = Help()
    help.usage = lines[0][len("Usage: "):]
    try:
        i = lines.index("Options:")
    except ValueError:
        sys.exit("cli-docs: no Options: block in the help of %s" % help.usage)
    help.description = "\n".join(lines[1:i]).strip("\n")
    entries, i = parse_block(lines, i + 1, OPTION_LINE)
    for m, body in entries:
        help.options.append(Option(m.group("names").split(", "), m.group("value"), body))
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i < len(lines) and lines[i] == "Arguments:":
        entries, i = parse_block(lines, i + 1, ARGUMENT_LINE)
        help.arguments = [(m.group("name"), body) for m, body in entries]
    help.trailer = "\n".join(lines[i:]).strip("\n")
    return help


class Program:
    def __init__(self):
        self.version = ""
        self.top = None
        self.commands = []          # [(name, summary)]
        self.intro = ""             # "Without a command, ..." (the text before the command list)
        self.exit_status = ""
        self.outro = ""             # "Run "socketeer COMMAND --help" ..."
        self.helps = {}             # "serve" or "inbox list" -> Help
        self.nested = {}            # "inbox" -> ["list", "show", ...]: commands of a command

    def sections(self):
        """Every command and nested command, in the help's order: [(name, Help)]."""
        out = []
        for name, _ in self.commands:
            out.append((name, self.helps[name]))
            out += [("%s %s" % (name, sub), self.helps["%s %s" % (name, sub)]) for sub in self.nested.get(name, [])]
        return out


def read_program(binary):
    program = Program()
    with tempfile.TemporaryDirectory() as cwd:
        version = subprocess.run([binary, "--version"], cwd=cwd, stdout=subprocess.PIPE, check=True, timeout=60)
    program.version = version.stdout.decode().split()[-1]
    program.top = parse_help(run_help(binary, []))
    paragraphs = [p for p in program.top.trailer.split("\n\n")]
    for paragraph in paragraphs:
        lines = paragraph.split("\n")
        listed = [re.match(r"^  ([a-z][a-z0-9-]*) +(\S.*)$", l) for l in lines]
        if any(listed):
            program.intro = "\n".join(l for l, m in zip(lines, listed) if not m)
            program.commands = [(m.group(1), m.group(2)) for m in listed if m]
        elif paragraph.startswith("Exit status:"):
            program.exit_status = paragraph
        else:
            program.outro += paragraph
    if not program.commands or not program.exit_status:
        sys.exit("cli-docs: the top-level help lists no commands or no exit status")
    for name, _ in program.commands:
        help = parse_help(run_help(binary, [name]))
        if help.trailer == program.exit_status:
            help.trailer = ""
        program.helps[name] = help
        # A command whose first argument is one of a list of words may have commands of its own
        # ("socketeer inbox list"): those whose --help names itself so.
        first = positionals(help)[:1]
        for word in first[0][0].split("|") if first and "|" in first[0][0] else []:
            text = run_help(binary, [name, word], must=False)
            if text and text.startswith("Usage: socketeer %s %s " % (name, word)):
                sub = parse_help(text)
                if sub.trailer == program.exit_status:
                    sub.trailer = ""
                program.helps["%s %s" % (name, word)] = sub
                program.nested.setdefault(name, []).append(word)
    for help in [program.top] + list(program.helps.values()):
        classify(help)
    return program


# --------------------------------------------------------------------------------------------------
# What the help says an option's value is

WORD = r"[A-Za-z0-9](?:[A-Za-z0-9_.+-]*[A-Za-z0-9])?"
ITEM = WORD + r"(?: \([^()]*\))?"
WORD_LIST = re.compile(r"^(?P<list>%s(?:, %s)* or %s)(?=[.,;]|$)" % (ITEM, ITEM, ITEM))
FILE_VALUES = {"file", "path", "pem"}
DIR_VALUES = {"folder", "dir", "directory"}


def list_words(text):
    return [re.match(WORD, item.strip()).group(0) for item in re.split(r", | or ", re.sub(r" \([^()]*\)", "", text))]


def stated_values(text):
    """The value set that a description states at its start or right after its first colon."""
    first_sentence = re.split(r"\. ", text, maxsplit=1)[0]
    candidates = [text]
    colon = first_sentence.find(": ")
    if colon >= 0:
        candidates.append(text[colon + 2:])
    for candidate in candidates:
        m = WORD_LIST.match(candidate)
        if m:
            return list_words(m.group("list"))
    return []


def classify(help):
    for option in help.options:
        if option.value is None:
            continue
        alternatives = option.value.split("|")
        lowered = [a.lower() for a in alternatives]
        if any(a in FILE_VALUES or a.endswith(".json") for a in lowered):
            option.kind = "file"
            option.values = [a for a, low in zip(alternatives, lowered) if low not in FILE_VALUES and not low.endswith(".json")]
        elif any(a in DIR_VALUES for a in lowered):
            option.kind = "dir"
        elif lowered == ["var"]:
            option.kind = "env"
        else:
            option.values = stated_values(option.text)
        # "Profiles (--profile): 3g (...), bad-wifi (...)." in the command's description.
        m = re.search(r"\(%s\): (?P<list>%s(?:, %s)*)\." % (re.escape(option.long), ITEM, ITEM), help.description)
        if m and not option.values:
            option.values = list_words(m.group("list"))


def positionals(help):
    """The usage line's positional syntax, as [(token, optional)]."""
    syntax = help.usage.split("[options]", 1)[1] if "[options]" in help.usage else ""
    result = []
    depth = 0
    for token in syntax.split():
        opening = token.count("[")
        token_clean = token.strip("[]")
        result.append((token_clean, depth > 0 or opening > 0))
        depth += opening - token.count("]")
    return result


def positional_values(help, token):
    """(words, kind) for one positional token of the usage line."""
    if "|" in token:
        return token.split("|"), None
    if token.islower():
        return [token], None          # a literal action word, as lab's "run"
    if token == "FILE":
        m = re.search(r"built-in lab: (?P<list>%s(?:, %s)*)\." % (WORD, WORD), help.description.replace("\n", " "))
        return (list_words(m.group("list")) if m else []), "file"
    if token == "HOST":
        return [], "host"
    return [], None


# --------------------------------------------------------------------------------------------------
# The man page


def roff_escape(text):
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\e")
        elif ch == "-":
            out.append("\\-")
        elif ord(ch) > 126:
            out.append("\\[u%04X]" % ord(ch))
        else:
            out.append(ch)
    return "".join(out)


def roff_line(text):
    """One input line of text: a leading dot or quote would be taken for a request."""
    text = roff_escape(text)
    if text[:1] in (".", "'"):
        text = "\\&" + text
    return text


def roff_paragraphs(text):
    """The help's hand-wrapped prose: paragraphs filled again, indented lines kept as they are."""
    out = []
    for paragraph in re.split(r"\n\s*\n", text.strip("\n")):
        lines = paragraph.split("\n")
        indented = [i for i, l in enumerate(lines) if i > 0 and l.startswith(" ")]
        out.append(".PP")
        if not indented:
            out.extend(roff_line(l.strip()) for l in lines)
            continue
        first = indented[0]
        if not lines[first - 1].rstrip().endswith(":"):
            first = 0        # "Example: socketeer mail ..." continued on indented lines: all of it verbatim
        out.extend(roff_line(l.strip()) for l in lines[:first])
        out.append(".RS 4")
        out.append(".nf")
        out.extend(roff_line(l.rstrip()) for l in lines[first:])
        out.append(".fi")
        out.append(".RE")
    return out


def roff_option(option):
    names = ", ".join("\\fB%s\\fR" % roff_escape(n) for n in option.names)
    if option.value:
        names += " \\fI%s\\fR" % roff_escape(option.value)
    return [".TP", names, roff_line(option.text)]


def roff_usage(usage):
    words = usage.split(" ")
    command = []
    for word in words:
        if word.startswith("[") or not re.fullmatch(r"[a-z][a-z0-9-]*", word):
            break
        command.append(word)
    rest = words[len(command):]
    out = "\\fB%s\\fR" % roff_escape(" ".join(command))
    for word in rest:
        if word == "[options]":
            out += " [\\fIoptions\\fR]"
        else:
            out += " " + re.sub(r"([^\[\]|]+)", lambda m: "\\fI%s\\fR" % roff_escape(m.group(1)), word)
    return out


def readme_examples(readme):
    """The README's command-line block: [(heading, [(comment, command lines)])]."""
    text = open(readme, encoding="utf-8").read()
    m = re.search(r"^## The command line\n.*?^```sh\n(?P<block>.*?)^```", text, re.S | re.M)
    if not m:
        sys.exit("cli-docs: %s has no ```sh block under \"## The command line\"" % readme)
    groups = [("", [])]
    command, comments = [], []
    for line in m.group("block").split("\n"):
        if not line.strip():
            continue
        if line.startswith("#") and not command:
            groups.append((line.lstrip("# ").strip(), []))
            continue
        m_comment = re.search(r"\s+#\s", line)
        code, comment = (line[:m_comment.start()], line[m_comment.end():]) if m_comment else (line, "")
        if comment:
            comments.append(comment.strip())
        command.append(code.rstrip())
        if not code.rstrip().endswith("\\"):
            groups[-1][1].append((" ".join(comments), command))
            command, comments = [], []
    return [g for g in groups if g[1]]


def wrap_command(lines, width=76):
    """A long one-line command broken before its options, with the shell's line continuations."""
    if len(lines) > 1 or len(lines[0]) <= width:
        return lines
    words = re.split(r" (?=--?[A-Za-z]|[<>] )", lines[0])
    out = [words[0]]
    for word in words[1:]:
        if len(out[-1]) + 1 + len(word) > width - 2:
            out[-1] += " \\"
            out.append("    " + word)
        else:
            out[-1] += " " + word
    return out


def sentence(text):
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


FILES = [
    ("~/.local/share/Socketeer/socketeer/inbox/", "The folder where socketeer inbox (and the window's inbox) keeps the messages it receives, "
     "as ID.eml with ID.json beside it, unless --dir names another."),
    ("~/.local/share/Socketeer/socketeer/tls/", "The development certificate (dev-cert.pem) and its key, made on first use by "
     "--tls-dev-cert, inbox --starttls and the window; the key is readable by its owner only."),
    ("~/.config/Socketeer/socketeer.conf", "The window's settings: language, recent addresses, mail presets (never a password)."),
]
ENVIRONMENT = [
    ("DISPLAY, WAYLAND_DISPLAY", "Where the window opens. Without either (and without QT_QPA_PLATFORM) socketeer says how to run "
     "it with xvfb-run; the commands need no display."),
    ("LANG, LC_ALL, LC_MESSAGES", "Chinese (zh_CN) or English, unless --language or the window's menu says otherwise."),
    ("XDG_DATA_HOME, XDG_CONFIG_HOME", "Replace ~/.local/share and ~/.config in the paths under FILES."),
]
SEE_ALSO = "nc(1), socat(1), swaks(1), openssl\\-s_client(1), curl(1)"


def man_page(program, readme):
    top = program.top
    out = ['.\\" socketeer(1), generated by scripts/cli-docs.py from "socketeer --help" and each command\'s --help,',
           '.\\" and from the README\'s command-line examples. Do not edit: change the help text instead.',
           '.TH SOCKETEER 1 "" "Socketeer %s" "User Commands"' % program.version,
           ".nh", ".ad l",
           ".SH NAME"]
    summary = top.description.strip().rstrip(".")
    out.append("socketeer \\- " + roff_escape(summary[:1].lower() + summary[1:]))
    out += [".SH SYNOPSIS", ".nf", roff_usage(top.usage)]
    out += [roff_usage(help.usage) for _, help in program.sections()]
    out += [".fi", ".SH DESCRIPTION"]
    out += roff_paragraphs(top.description)
    out += roff_paragraphs(program.intro)
    out.append(".RS 4")
    for name, text in program.commands:
        out += [".TP 10", "\\fB%s\\fR" % roff_escape(name), roff_line(sentence(text))]
    out.append(".RE")
    out += roff_paragraphs(program.outro + " Each command's section below is that help.")
    out += [".SH OPTIONS", "Without a command, for the window:"]
    for option in top.options:
        out += roff_option(option)
    out.append(".SH COMMANDS")
    for name, help in program.sections():
        out += [".SS socketeer %s" % roff_escape(name), roff_usage(help.usage)]
        out += roff_paragraphs(help.description)
        out += [".PP", "Options:", ".RS 4"]
        for option in help.options:
            out += roff_option(option)
        out.append(".RE")
        if help.arguments:
            out += [".PP", "Arguments:", ".RS 4"]
            for argument, text in help.arguments:
                out += [".TP", "\\fI%s\\fR" % roff_escape(argument), roff_line(text)]
            out.append(".RE")
        if help.trailer:
            out += roff_paragraphs(help.trailer)
    out.append(".SH EXIT STATUS")
    out += roff_paragraphs(sentence(program.exit_status[len("Exit status:"):]))
    out.append(".SH ENVIRONMENT")
    for names, text in ENVIRONMENT:
        out += [".TP", "\\fB%s\\fR" % roff_escape(names), roff_line(text)]
    out.append(".SH FILES")
    for path, text in FILES:
        out += [".TP", "\\fI%s\\fR" % roff_escape(path), roff_line(text)]
    out.append(".SH EXAMPLES")
    for heading, examples in readme_examples(readme):
        if heading:
            out += [".PP", "\\fB%s\\fR" % roff_line(sentence(heading).rstrip("."))]
        for comment, lines in examples:
            out += [".PP", ".nf"] + [roff_line(l) for l in wrap_command(lines)] + [".fi"]
            if comment:
                out += [".RS 4", roff_line(comment), ".RE"]
    out += [".SH SEE ALSO", SEE_ALSO]
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------------------
# bash


def shell_quote(text):
    return "'" + text.replace("'", "'\\''") + "'"


def bash_completion(program):
    names = [name for name, _ in program.commands]
    out = ["# bash completion for socketeer(1): generated by scripts/cli-docs.py from socketeer --help.",
           "# Do not edit: change the help text instead.", "",
           "# _socketeer_value COMMAND OPTION: sets kind (none: a flag; any: a value we cannot guess; words;",
           "# file; dir; env) and values for an option's value.",
           "_socketeer_value()",
           "{",
           "    values=",
           '    case "$1 $2" in']
    for command, help in [("", program.top)] + program.sections():
        for option in help.options:
            patterns = "|".join(shell_quote("%s %s" % (command, n)) for n in option.names)
            if option.value is None:
                kind = "none"
            elif option.kind:
                kind = option.kind
            elif option.values:
                kind = "words"
            else:
                kind = "any"
            values = "; values=%s" % shell_quote(" ".join(option.values)) if option.values else ""
            out.append("        %s) kind=%s%s ;;" % (patterns, kind, values))
    out += ["        *) kind=none ;;", "    esac", "}", "",
            "# _socketeer_positional COMMAND N: the same for the Nth word that is not an option.",
            "_socketeer_positional()",
            "{",
            "    values=",
            '    case "$1 $2" in']
    for name, help in program.sections():
        for n, (token, _) in enumerate(positionals(help), start=1):
            words, kind = positional_values(help, token)
            kind = kind or ("words" if words else "any")
            values = "; values=%s" % shell_quote(" ".join(words)) if words else ""
            out.append("        %s) kind=%s%s ;;" % (shell_quote("%s %d" % (name, n)), kind, values))
    out += ["        *) kind=any ;;", "    esac", "}", ""]
    out.append("_socketeer_options()")
    out.append("{")
    out.append('    case "$1" in')
    for command, help in [("", program.top)] + program.sections():
        options = " ".join(n for o in help.options for n in o.names if n.startswith("--")) + " -h -v"
        out.append("        %s) echo %s ;;" % (shell_quote(command), shell_quote(options)))
    out += ["    esac", "}", ""]
    out += ["# _socketeer_subcommands COMMAND: the commands of a command (socketeer inbox list).",
            "_socketeer_subcommands()", "{", '    case "$1" in']
    for name, subs in program.nested.items():
        out.append("        %s) echo %s ;;" % (shell_quote(name), shell_quote(" ".join(subs))))
    out += ["    esac", "}", ""]
    out.append(r'''_socketeer()
{
    local cur prev words cword split=false
    if declare -F _init_completion >/dev/null 2>&1; then
        _init_completion -s || return
    else
        words=("${COMP_WORDS[@]}") cword=$COMP_CWORD cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
        if [[ $cur == --*=* ]]; then
            prev=${cur%%=*} cur=${cur#*=} split=true
        fi
    fi
    local commands=%(commands)s
    local command= kind values
    # The command is the first argument or none at all (main.cpp looks at argv[1] only).
    local first=2
    if ((cword > 1)) && [[ " $commands " == *" ${words[1]} "* ]]; then
        command=${words[1]}
        if ((cword > 2)) && [[ " $(_socketeer_subcommands "$command") " == *" ${words[2]} "* ]]; then
            command+=" ${words[2]}" first=3
        fi
    fi

    # After a word that is no command, nothing fits (the window takes no arguments).
    [[ -z $command ]] && ((cword > 1)) && [[ ${words[1]} != -* ]] && return

    if [[ $prev == -* ]] && ((cword > 1 || split == true)); then
        _socketeer_value "$command" "$prev"
        if [[ $kind != none ]]; then
            _socketeer_complete_value
            return
        fi
    fi
    [[ $split == true ]] && return

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_socketeer_options "$command")" -- "$cur"))
        [[ ${COMPREPLY-} == *= ]] && compopt -o nospace
        return
    fi
    if [[ -z $command ]]; then
        ((cword == 1)) && COMPREPLY=($(compgen -W "$commands" -- "$cur"))
        return
    fi
    # Which positional argument this is: the words after the command that are neither options
    # nor an option's value.
    local i n=0
    for ((i = first; i < cword; i++)); do
        if [[ ${words[i]} == -* ]]; then
            [[ ${words[i]} == *=* ]] && continue
            _socketeer_value "$command" "${words[i]}"
            [[ $kind != none ]] && ((i++))
            continue
        fi
        ((n++))
    done
    _socketeer_positional "$command" $((n + 1))
    _socketeer_complete_value
}

# Offers $values, and files, folders, variables or hosts as $kind says.
_socketeer_complete_value()
{
    COMPREPLY=()
    [[ -n $values ]] && COMPREPLY=($(compgen -W "$values" -- "$cur"))
    case $kind in
        file)
            if declare -F _filedir >/dev/null 2>&1; then
                _filedir
            else
                compopt -o filenames 2>/dev/null
                COMPREPLY+=($(compgen -f -- "$cur"))
            fi
            ;;
        dir)
            if declare -F _filedir >/dev/null 2>&1; then
                _filedir -d
            else
                compopt -o filenames 2>/dev/null
                COMPREPLY+=($(compgen -d -- "$cur"))
            fi
            ;;
        env) COMPREPLY+=($(compgen -e -- "$cur")) ;;
        host)
            if declare -F _known_hosts_real >/dev/null 2>&1; then
                _known_hosts_real -a -- "$cur"
            else
                COMPREPLY+=($(compgen -A hostname -- "$cur"))
            fi
            ;;
    esac
}

complete -F _socketeer socketeer''' % {"commands": shell_quote(" ".join(names))})
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------------------
# zsh


def zsh_description(text):
    first = re.split(r"(?<=[.;])\s", text, maxsplit=1)[0].rstrip(".;")
    if len(first) > 72:
        first = first[:69].rsplit(" ", 1)[0] + "..."
    return re.sub(r"([\[\]:\\])", r"\\\1", first)


def zsh_action(values, kind):
    words = "(%s)" % " ".join(re.sub(r"([\s()\\])", r"\\\1", v) for v in values) if values else ""
    files = {"file": "_files", "dir": "_files -/", "env": "_parameters -g '*export*'", "host": "_hosts"}.get(kind, "")
    if words and files:
        return "_alternative 'values:value:%s' 'files:file:%s'" % (words, files)
    return words or files or " "


def zsh_option_specs(help):
    specs = []
    for option in help.options:
        description = zsh_description(option.text)
        repeatable = re.search(r"\b[Rr]epeatable\b|[Mm]ay be repeated", option.text)
        if len(option.names) > 1:
            exclusion = "(%s)" % " ".join(option.names)
            head = "'%s'{%s}" % (exclusion, ",".join(option.names))
            spec_names = head
        else:
            spec_names = ("*" if repeatable else "") + option.names[0]
        if option.value:
            value = re.sub(r"([:\\])", r"\\\1", option.value)
            action = zsh_action(option.values, option.kind)
            tail = "=[%s]:%s:%s" % (description, value, action)
        else:
            tail = "[%s]" % description
        if spec_names.startswith("'("):
            specs.append("%s%s" % (spec_names, shell_quote(tail)))
        else:
            specs.append(shell_quote(spec_names + tail))
    return specs


def zsh_completion(program):
    out = ["#compdef socketeer",
           "# zsh completion for socketeer(1): generated by scripts/cli-docs.py from socketeer --help.",
           "# Do not edit: change the help text instead.", "",
           "_socketeer() {",
           "  local -a commands",
           "  commands=("]
    for name, summary in program.commands:
        out.append("    %s" % shell_quote("%s:%s" % (name, summary)))
    out += ["  )",
            "  if (( CURRENT == 2 )) && [[ $PREFIX != -* ]]; then",
            "    _describe -t commands 'socketeer command' commands",
            "    return",
            "  fi",
            "  local command=${words[2]}",
            "  if (( ! ${commands[(I)${command}:*]} )); then",
            "    _arguments -s : \\"]
    out += ["      %s \\" % s for s in zsh_option_specs(program.top)]
    out += ["      && return 0", "    return 1", "  fi",
            "  shift words",
            "  (( CURRENT-- ))",
            "  _socketeer_${command//-/_}",
            "}", ""]
    for name, help in program.sections():
        specs = zsh_option_specs(help)
        for n, (token, optional) in enumerate(positionals(help), start=1):
            words, kind = positional_values(help, token)
            label = token.lower().replace(":", "\\:")
            specs.append(shell_quote("%d%s:%s:%s" % (n, ":" if optional else "", label, zsh_action(words, kind))))
        out.append("_socketeer_%s() {" % re.sub(r"[- ]", "_", name))
        subs = program.nested.get(name)
        if subs:
            out += ["  if (( CURRENT > 2 )) && [[ ${words[2]} == (%s) ]]; then" % "|".join(subs),
                    "    local sub=${words[2]}",
                    "    shift words",
                    "    (( CURRENT-- ))",
                    "    _socketeer_%s_${sub//-/_}" % name.replace("-", "_"),
                    "    return",
                    "  fi"]
        out.append("  _arguments -s : \\")
        out += ["    %s \\" % s for s in specs]
        out[-1] = out[-1][:-2]
        out += ["}", ""]
    out.append('_socketeer "$@"')
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("--readme", required=True)
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--out", help="write socketeer.1, socketeer.bash and _socketeer into this folder")
    what.add_argument("--check", help="compare with the files in this folder; exit 1 if they differ")
    arguments = parser.parse_args()

    program = read_program(os.path.abspath(arguments.binary))
    files = {"socketeer.1": man_page(program, arguments.readme),
             "socketeer.bash": bash_completion(program),
             "_socketeer": zsh_completion(program)}
    if arguments.out:
        os.makedirs(arguments.out, exist_ok=True)
        for name, text in files.items():
            with open(os.path.join(arguments.out, name), "w", encoding="utf-8") as f:
                f.write(text)
        return 0
    status = 0
    for name, text in files.items():
        path = os.path.join(arguments.check, name)
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
        if old != text:
            status = 1
            sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), text.splitlines(True), path, "from --help now"))
    return status


if __name__ == "__main__":
    sys.exit(main())
