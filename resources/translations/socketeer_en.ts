<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>socketeer::AutoReply</name>
    <message numerus="yes">
        <source>uses group %1, but the pattern has %n group(s)</source>
        <translation>
            <numerusform>uses group %1, but the pattern has %n group</numerusform>
            <numerusform>uses group %1, but the pattern has %n groups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>socketeer::Checksum</name>
    <message numerus="yes">
        <source>bad %1: too short for its %n-byte check value</source>
        <translation>
            <numerusform>bad %1: too short for its %n-byte check value</numerusform>
            <numerusform>bad %1: too short for its %n-byte check value</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>socketeer::Cli</name>
    <message numerus="yes">
        <source>the connection ended inside a message: its %n byte(s) so far are written as the last line</source>
        <translation>
            <numerusform>the connection ended inside a message: its %n byte so far is written as the last line</numerusform>
            <numerusform>the connection ended inside a message: its %n bytes so far are written as the last line</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… (%n byte(s) in all)</source>
        <translation>
            <numerusform>… (%n byte in all)</numerusform>
            <numerusform>… (%n bytes in all)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>deleted %n message(s)</source>
        <translation>
            <numerusform>deleted %n message</numerusform>
            <numerusform>deleted %n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>no matching message in %1 within %n second(s)</source>
        <translation>
            <numerusform>no matching message in %1 within %n second</numerusform>
            <numerusform>no matching message in %1 within %n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ignored %n datagram(s) that were not a room&apos;s announcement</source>
        <translation>
            <numerusform>ignored %n datagram that was not a room&apos;s announcement</numerusform>
            <numerusform>ignored %n datagrams that were not a room&apos;s announcement</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>socketeer::Lab</name>
    <message numerus="yes">
        <source>%n of the %1 clients got no answer within %2 ms while all were connected</source>
        <translation>
            <numerusform>%n of the %1 clients got no answer within %2 ms while all were connected</numerusform>
            <numerusform>%n of the %1 clients got no answer within %2 ms while all were connected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>socketeer::Relay</name>
    <message numerus="yes">
        <source>after %n byte(s)</source>
        <translation>
            <numerusform>after %n byte</numerusform>
            <numerusform>after %n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>closed by the relay: the limit of %n byte(s) was reached</source>
        <translation>
            <numerusform>closed by the relay: the limit of %n byte was reached</numerusform>
            <numerusform>closed by the relay: the limit of %n bytes was reached</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>reset by the relay after %n byte(s)</source>
        <translation>
            <numerusform>reset by the relay after %n byte</numerusform>
            <numerusform>reset by the relay after %n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n piece(s) of 1 byte</source>
        <translation>
            <numerusform>%n piece of 1 byte</numerusform>
            <numerusform>%n pieces of 1 byte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n piece(s) of %1 bytes</source>
        <translation>
            <numerusform>%n piece of %1 bytes</numerusform>
            <numerusform>%n pieces of %1 bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n piece(s) of %1 to %2 bytes</source>
        <translation>
            <numerusform>%n piece of %1 to %2 bytes</numerusform>
            <numerusform>%n pieces of %1 to %2 bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>refused: the relay already has its maximum of %n connection(s)</source>
        <translation>
            <numerusform>refused: the relay already has its maximum of %n connection</numerusform>
            <numerusform>refused: the relay already has its maximum of %n connections</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>socketeer::TcpServer</name>
    <message numerus="yes">
        <source>the server already has its maximum of %n client(s)</source>
        <translation>
            <numerusform>the server already has its maximum of %n client</numerusform>
            <numerusform>the server already has its maximum of %n clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>took no data for %n second(s): the client is not reading</source>
        <translation>
            <numerusform>took no data for %n second: the client is not reading</numerusform>
            <numerusform>took no data for %n seconds: the client is not reading</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the TLS handshake did not finish within %n second(s)</source>
        <translation>
            <numerusform>the TLS handshake did not finish within %n second</numerusform>
            <numerusform>the TLS handshake did not finish within %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>socketeer::Udp</name>
    <message numerus="yes">
        <source>%n datagram(s) still waiting when the endpoint closed</source>
        <translation>
            <numerusform>%n datagram still waiting when the endpoint closed</numerusform>
            <numerusform>%n datagrams still waiting when the endpoint closed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>socketeer::UdpRelay</name>
    <message numerus="yes">
        <source>datagram of %n byte(s)</source>
        <translation>
            <numerusform>datagram of %n byte</numerusform>
            <numerusform>datagram of %n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>datagram of %n byte(s) sent twice</source>
        <translation>
            <numerusform>datagram of %n byte sent twice</numerusform>
            <numerusform>datagram of %n bytes sent twice</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>held back behind %n datagram(s)</source>
        <translation>
            <numerusform>held back behind %n datagram</numerusform>
            <numerusform>held back behind %n datagrams</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>datagrams from %1 are dropped: %n session(s) at most</source>
        <translation>
            <numerusform>datagrams from %1 are dropped: %n session at most</numerusform>
            <numerusform>datagrams from %1 are dropped: %n sessions at most</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>socketeer::ui::AutoReplyFields</name>
    <message numerus="yes">
        <source>Auto-reply: %n rule(s)</source>
        <translation>
            <numerusform>Auto-reply: %n rule</numerusform>
            <numerusform>Auto-reply: %n rules</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>off (%n rule(s))</source>
        <translation>
            <numerusform>off (%n rule)</numerusform>
            <numerusform>off (%n rules)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>socketeer::ui::ChatParticipants</name>
    <message numerus="yes">
        <source>In the room (%n)</source>
        <translation>
            <numerusform>In the room (%n)</numerusform>
            <numerusform>In the room (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>socketeer::ui::ChatView</name>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n line(s) to %1</source>
        <translation>
            <numerusform>Exported %n line to %1</numerusform>
            <numerusform>Exported %n lines to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>socketeer::ui::CodeDock</name>
    <message numerus="yes">
        <source>Copied %n line(s) to the clipboard.</source>
        <translation>
            <numerusform>Copied %n line to the clipboard.</numerusform>
            <numerusform>Copied %n lines to the clipboard.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>socketeer::ui::ComposeWindow</name>
    <message numerus="yes">
        <source>%n file(s), %1</source>
        <translation>
            <numerusform>%n file, %1</numerusform>
            <numerusform>%n files, %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>socketeer::ui::FramingBar</name>
    <message numerus="yes">
        <source>framing changed: %n byte(s) of unfinished messages were dropped</source>
        <translation>
            <numerusform>framing changed: %n byte of unfinished messages was dropped</numerusform>
            <numerusform>framing changed: %n bytes of unfinished messages were dropped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>socketeer::ui::InboxPanel</name>
    <message numerus="yes">
        <source>Delete all %n message(s) of the local inbox? Their files are removed.</source>
        <translation>
            <numerusform>Delete the %n message of the local inbox? Its file is removed.</numerusform>
            <numerusform>Delete all %n messages of the local inbox? Their files are removed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>socketeer::ui::MessageLogModel</name>
    <message numerus="yes">
        <source> … (%n more byte(s))</source>
        <translation>
            <numerusform> … (%n more byte)</numerusform>
            <numerusform> … (%n more bytes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n byte(s))</source>
        <translation>
            <numerusform>(%n byte)</numerusform>
            <numerusform>(%n bytes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>socketeer::ui::RoomsFoundList</name>
    <message numerus="yes">
        <source>%n room(s) found</source>
        <translation>
            <numerusform>%n room found</numerusform>
            <numerusform>%n rooms found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>socketeer::ui::SavedMessageDialog</name>
    <message numerus="yes">
        <source>%n byte(s): %1</source>
        <translation>
            <numerusform>%n byte: %1</numerusform>
            <numerusform>%n bytes: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>socketeer::ui::SavedMessagesDock</name>
    <message numerus="yes">
        <source>Sent &quot;%1&quot; (%n byte(s))</source>
        <translation>
            <numerusform>Sent &quot;%1&quot; (%n byte)</numerusform>
            <numerusform>Sent &quot;%1&quot; (%n bytes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n message(s) and sequence(s)</source>
        <translation>
            <numerusform>Imported %n message or sequence</numerusform>
            <numerusform>Imported %n messages and sequences</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>socketeer::ui::ServerPanel</name>
    <message numerus="yes">
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n thread</numerusform>
            <numerusform>%n threads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>sent %1 (%2 bytes) to %n client(s)</source>
        <translation>
            <numerusform>sent %1 (%2 bytes) to %n client</numerusform>
            <numerusform>sent %1 (%2 bytes) to %n clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n client(s) left before the end</source>
        <translation>
            <numerusform>%n client left before the end</numerusform>
            <numerusform>%n clients left before the end</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>sending %1 (%2 bytes) to %n client(s)</source>
        <translation>
            <numerusform>sending %1 (%2 bytes) to %n client</numerusform>
            <numerusform>sending %1 (%2 bytes) to %n clients</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>socketeer::ui::TimelineCanvas</name>
    <message numerus="yes">
        <source>%n older call(s) dropped</source>
        <translation>
            <numerusform>%n older call dropped</numerusform>
            <numerusform>%n older calls dropped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>socketeer::ui::TimelineView</name>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n call</numerusform>
            <numerusform>%n calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hidden by the filters</source>
        <translation>
            <numerusform>%n hidden by the filters</numerusform>
            <numerusform>%n hidden by the filters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n older call(s) dropped</source>
        <translation>
            <numerusform>%n older call dropped</numerusform>
            <numerusform>%n older calls dropped</numerusform>
        </translation>
    </message>
</context>
</TS>
