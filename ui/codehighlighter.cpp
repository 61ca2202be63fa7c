#include "codehighlighter.h"

#include "theme.h"

#include <QColor>
#include <QFont>

namespace socketeer::ui {

CodeHighlighter::CodeHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    setLanguage(CodeLanguage::Python);
}

void CodeHighlighter::setLanguage(CodeLanguage language)
{
    m_language = language;
    // GitHub's light and dark colours, each readable on its own background.
    const bool dark = theme::isDark();
    m_comment = {};
    m_comment.setForeground(dark ? QColor(0x8b, 0x94, 0x9e) : QColor(0x6a, 0x73, 0x7d));
    m_comment.setFontItalic(true);
    QTextCharFormat keyword;
    keyword.setForeground(dark ? QColor(0x79, 0xc0, 0xff) : QColor(0x00, 0x55, 0xaa));
    keyword.setFontWeight(QFont::Bold);
    QTextCharFormat call;
    call.setForeground(dark ? QColor(0xd2, 0xa8, 0xff) : QColor(0x8a, 0x3f, 0xb5));   // the socket calls the lesson is about
    QTextCharFormat string;
    string.setForeground(dark ? QColor(0xa5, 0xd6, 0xff) : QColor(0x1a, 0x7f, 0x37));
    QTextCharFormat number;
    number.setForeground(dark ? QColor(0xff, 0xa6, 0x57) : QColor(0xb3, 0x5c, 0x00));

    const QString words = language == CodeLanguage::Python
        ? QStringLiteral("and|as|break|class|continue|def|elif|else|except|False|finally|for|from|if|import|in|is|"
                         "None|not|or|pass|raise|return|True|try|while|with|yield")
        : QStringLiteral("break|case|char|const|continue|default|do|else|enum|for|if|int|long|return|size_t|ssize_t|"
                         "sizeof|static|struct|switch|unsigned|void|while|#include|#define");
    const QString calls = QStringLiteral("socket|bind|listen|accept|accept4|connect|recv|recvfrom|send|sendall|sendto|"
                                         "close|shutdown|setsockopt|getaddrinfo|epoll_create1|epoll_ctl|epoll_wait|select|"
                                         "starttls|login|send_message|sendmail");
    m_rules = {
        {QRegularExpression(QStringLiteral("(?<![\\w#])(?:%1)\\b").arg(words)), keyword},
        {QRegularExpression(QStringLiteral("\\b(?:%1)(?=\\s*\\()").arg(calls)), call},
        {QRegularExpression(QStringLiteral("\\b\\d+\\b")), number},
        {QRegularExpression(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'")), string},
    };
    rehighlight();
}

void CodeHighlighter::highlightBlock(const QString &text)
{
    for (const Rule &rule : std::as_const(m_rules)) {
        for (auto it = rule.pattern.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            setFormat(static_cast<int>(match.capturedStart()), static_cast<int>(match.capturedLength()), rule.format);
        }
    }
    // Comments last: a quote or a keyword inside one is part of the comment. A "#" or "//"
    // inside a string is not a comment; strings were found above, so skip what they cover.
    const QLatin1String lineComment = m_language == CodeLanguage::Python ? QLatin1String("#") : QLatin1String("//");
    const QTextCharFormat stringFormat = m_rules.last().format;
    for (qsizetype at = text.indexOf(lineComment); at >= 0; at = text.indexOf(lineComment, at + 1)) {
        if (format(static_cast<int>(at)) == stringFormat)
            continue;
        if (m_language == CodeLanguage::C && text.mid(at).startsWith(QLatin1String("#include")))
            break;
        setFormat(static_cast<int>(at), static_cast<int>(text.size() - at), m_comment);
        break;
    }
    if (m_language != CodeLanguage::C)
        return;
    // /* … */ across lines: block state 1 means "inside a comment".
    qsizetype start = previousBlockState() == 1 ? 0 : text.indexOf(QLatin1String("/*"));
    setCurrentBlockState(0);
    while (start >= 0) {
        const qsizetype end = text.indexOf(QLatin1String("*/"), start + (previousBlockState() == 1 && start == 0 ? 0 : 2));
        if (end < 0) {
            setCurrentBlockState(1);
            setFormat(static_cast<int>(start), static_cast<int>(text.size() - start), m_comment);
            return;
        }
        setFormat(static_cast<int>(start), static_cast<int>(end + 2 - start), m_comment);
        start = text.indexOf(QLatin1String("/*"), end + 2);
    }
}

} // namespace socketeer::ui
