<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>socketeer::Address</name>
    <message>
        <location filename="../../core/net/address.cpp" line="+61"/>
        <source>unknown IPv6 scope &quot;%1&quot;</source>
        <translation>未知的 IPv6 作用域“%1”</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is not an IPv4 or IPv6 address</source>
        <translation>“%1”不是 IPv4 或 IPv6 地址</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the socket path is empty</source>
        <translation>套接字路径为空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the socket path &quot;%1&quot; is longer than %2 bytes</source>
        <translation>套接字路径“%1”超过了 %2 字节</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>(unnamed)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>(no address)</source>
        <translation>（无地址）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>no port given</source>
        <translation>未指定端口</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>port &quot;%1&quot; is not a number</source>
        <translation>端口“%1”不是数字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>port %1 is out of range (0–65535)</source>
        <translation>端口 %1 超出范围（0–65535）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>host &quot;%1&quot; contains a character no host name may have</source>
        <translation>主机“%1”含有主机名中不允许出现的字符</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>host name is longer than 253 characters</source>
        <translation>主机名超过了 253 个字符</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no address given</source>
        <translation>未指定地址</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;%1&quot;: missing &quot;]&quot; after the IPv6 address</source>
        <translation>“%1”：IPv6 地址后缺少“]”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot;: expected &quot;:port&quot; after &quot;]&quot;</source>
        <translation>“%1”：“]”之后应为“:端口”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; has no port: write host:port</source>
        <translation>“%1”没有端口：请写成 主机:端口</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot;: write an IPv6 address in brackets, as [::1]:50007</source>
        <translation>“%1”：IPv6 地址要写在方括号中，例如 [::1]:50007</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>no host given</source>
        <translation>未指定主机</translation>
    </message>
</context>
<context>
    <name>socketeer::AutoReply</name>
    <message>
        <location filename="../../core/text/autoreply.cpp" line="+170"/>
        <source>rule %1, &quot;%2&quot;: %3</source>
        <translation>规则 %1，“%2”：%3</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>position %1: &quot;*&quot; may only end a hex pattern</source>
        <translation>第 %1 个字符：“*”只能出现在十六进制模式的末尾</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>position %1: a wildcard is two question marks, &quot;??&quot; (one byte)</source>
        <translation>第 %1 个字符：通配符是两个问号“??”（一个字节）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>position %1: &quot;%2&quot; is not a hex digit, &quot;??&quot; or &quot;*&quot;</source>
        <translation>第 %1 个字符：“%2”不是十六进制数字、“??”或“*”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>position %1: write each byte as two hex digits (0A, not A)</source>
        <translation>第 %1 个字符：每个字节写两位十六进制数字（0A，而不是 A）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>an empty hex pattern</source>
        <translation>十六进制模式为空</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&quot;%1&quot; has no &quot;=&gt;&quot;: write MATCH=&gt;REPLY, e.g. &apos;regex:^PING (\d+)$=&gt;PONG \1&apos;</source>
        <translation>“%1”中没有“=&gt;”：请写作 匹配=&gt;回复，例如 &apos;regex:^PING (\d+)$=&gt;PONG \1&apos;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; does not start with a kind: exact:, contains:, starts:, ends:, regex: or hex:</source>
        <translation>“%1”没有以匹配方式开头：exact:、contains:、starts:、ends:、regex: 或 hex:</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>not valid JSON at byte %1: %2</source>
        <translation>第 %1 字节处不是有效的 JSON：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a rules file is a JSON object with a &quot;rules&quot; array</source>
        <translation>规则文件是含有“rules”数组的 JSON 对象</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unknown field &quot;%1&quot; (known: %2)</source>
        <translation>未知字段“%1”（已知：%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;version&quot;: only version 1 is known</source>
        <translation>“version”：只支持版本 1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;mode&quot;: &quot;first&quot; (the first matching rule replies) or &quot;all&quot;, not &quot;%1&quot;</source>
        <translation>“mode”：应为“first”（第一条匹配的规则回复）或“all”，而不是“%1”</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;encoding&quot;: unknown encoding &quot;%1&quot;</source>
        <translation>“encoding”：未知编码“%1”</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;rules&quot; must be an array of rules</source>
        <translation>“rules”必须是规则数组</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>each rule is a JSON object</source>
        <translation>每条规则都是一个 JSON 对象</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown field (known: %1)</source>
        <translation>未知字段（已知：%1）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must be a string</source>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;%1&quot; is not exact, contains, starts, ends, regex or hex</source>
        <translation>“%1”不是 exact、contains、starts、ends、regex 或 hex</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;text&quot; or &quot;hex&quot;, not &quot;%1&quot;</source>
        <translation>应为“text”或“hex”，而不是“%1”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;sender&quot; or &quot;all&quot;, not &quot;%1&quot;</source>
        <translation>应为“sender”或“all”，而不是“%1”</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+29"/>
        <source>must be a whole number from 0 to %1</source>
        <translation>必须是 0 到 %1 之间的整数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be 0 (always) or more</source>
        <translation>必须是 0（总是）或更大</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>not a valid regular expression at position %1: %2</source>
        <translation>第 %1 个字符处不是有效的正则表达式：%2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>a pattern cannot hold macros</source>
        <translation>模式中不能包含宏</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>empty: it would match every message</source>
        <translation>为空：会匹配每一条消息</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>uses group %1, but the pattern has %n group(s)</source>
        <translation>
            <numerusform>使用了第 %1 组，但模式只有 %n 个组</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the pattern has no group named &quot;%1&quot;</source>
        <translation>模式中没有名为“%1”的组</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>more than %1 delayed replies waiting: this one is dropped</source>
        <translation>等待中的延迟回复超过 %1 条：此条被丢弃</translation>
    </message>
</context>
<context>
    <name>socketeer::Checksum</name>
    <message>
        <location filename="../../core/text/checksum.cpp" line="+133"/>
        <source>unknown checksum &quot;%1&quot;: use one of %2</source>
        <translation>未知的校验算法“%1”：请使用 %2 之一</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown checksum byte order &quot;%1&quot;: use le (low byte first) or be (high byte first)</source>
        <translation>未知的校验值字节序“%1”：请使用 le（低字节在前）或 be（高字节在前）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>checksum range &quot;%1&quot; is not START:END (for example 1: or 0:-2)</source>
        <translation>校验范围“%1”不是 START:END 的形式（例如 1: 或 0:-2）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>checksum range &quot;%1&quot;: START and END are whole numbers, negative from the end</source>
        <translation>校验范围“%1”：START 和 END 须为整数，负数表示从末尾倒数</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>%1 ok</source>
        <translation>%1 校验正确</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bad %1: expected %2, found %3</source>
        <translation>%1 校验错误：应为 %2，实际为 %3</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>bad %1: too short for its %n-byte check value</source>
        <translation>
            <numerusform>%1 校验错误：消息太短，放不下 %n 字节的校验值</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>socketeer::Cli</name>
    <message>
        <location filename="../../app/cli/cli.cpp" line="+18"/>
        <source>Listen for TCP connections: a chat or echo server</source>
        <translation>监听 TCP 连接：聊天服务器或回显服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to a TCP server: stdin to the socket, the socket to stdout</source>
        <translation>连接到 TCP 服务器：标准输入写入套接字，套接字收到的数据写到标准输出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send and receive UDP datagrams, one per line</source>
        <translation>发送和接收 UDP 数据报，每行一个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send a mail with attachments over SMTP (STARTTLS or TLS, AUTH)</source>
        <translation>通过 SMTP 发送带附件的邮件（STARTTLS 或 TLS，AUTH 登录）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receive mail: a local SMTP server that stores every message</source>
        <translation>收邮件：一个本地 SMTP 服务器，保存收到的每一封邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the equivalent program in Python or C for serve, connect, udp or mail</source>
        <translation>输出与 serve、connect、udp 或 mail 等价的 Python 或 C 程序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grade a student&apos;s program with a lab: steps, points, hints</source>
        <translation>用实验为学生的程序评分：步骤、分数、提示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List the chat rooms announced on the local network</source>
        <translation>列出本地网络上广播的聊天室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forward TCP or UDP between two endpoints, with latency, loss, slicing and resets</source>
        <translation>在两个端点之间转发 TCP 或 UDP，可加入延迟、丢包、切片和复位</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Exit status: 0 on success (and after SIGINT or SIGTERM), 1 for a network or runtime error
(refused, unreachable, unknown host, port in use), 2 for a mistake on the command line.</source>
        <translation>退出状态：成功时为 0（收到 SIGINT 或 SIGTERM 后退出也为 0），网络或运行时错误为 1
（连接被拒绝、不可达、未知主机、端口已被占用），命令行有误为 2。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1 (see socketeer %2 --help)</source>
        <translation>%1（参见 socketeer %2 --help）</translation>
    </message>
    <message>
        <location filename="../../app/cli/connectcommand.cpp" line="+48"/>
        <source>Connects to a TCP server. The bytes read from stdin are sent exactly as read, and the bytes
received are written to stdout exactly as received. At the end of stdin the sending side is
shut down (the peer reads end-of-file) and the command keeps printing until the peer closes,
then exits 0. It also exits when the peer closes first. Connecting and errors are reported
on stderr.

The server is HOST PORT, or one argument HOST:PORT or [IPv6]:PORT, or --unix PATH.

With --append every message sent gets a check value after it. A message is each chunk read
from stdin as it came (one write into a pipe, at most 64 KiB): printf &apos;123456789&apos; piped in
with --append crc16-modbus sends the nine bytes and then 37 4B.

With --frame and --verify each message received is checked as ending with its check value:
it is written to stdout as always, and a bad one is reported after it on stderr, as
&quot;socketeer connect: warning: message 3: bad crc16-modbus: expected 37 4B, found 00 00&quot;;
the command then exits 1.</source>
        <translation>连接到 TCP 服务器。从标准输入读到的字节原样发送，收到的字节原样写到标准输出。
标准输入结束时关闭发送方向（对端会读到文件结束），命令继续输出，直到对端关闭连接，
然后以 0 退出。对端先关闭连接时命令也会退出。连接情况和错误输出到标准错误。

服务器写成 HOST PORT 两个参数，或一个参数 HOST:PORT 或 [IPv6]:PORT，或 --unix PATH。

使用 --append 时，发送的每条消息后面都附加一个校验值。一条消息就是从标准输入按原样读到的
一块数据（管道里的一次写入，最多 64 KiB）：用管道输入 printf &apos;123456789&apos; 并使用
--append crc16-modbus 时，发送这九个字节，然后是 37 4B。

使用 --frame 和 --verify 时，收到的每条消息都按以校验值结尾来检查：它照常写到标准输出，
校验错误的会随后在标准错误上报告，形如
“socketeer connect: warning: message 3: bad crc16-modbus: expected 37 4B, found 00 00”；
此时命令以 1 退出。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>With --messages FILE.json --sequence NAME a saved sequence is run instead of reading stdin.</source>
        <translation>使用 --messages FILE.json --sequence NAME 时，运行已保存的序列，而不读取标准输入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host name or IP address, or HOST:PORT.</source>
        <translation>主机名或 IP 地址，或 HOST:PORT。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port, 1-65535.</source>
        <translation>端口，1-65535。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to the AF_UNIX socket at this path instead.</source>
        <translation>改为连接到此路径上的 AF_UNIX 套接字。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../app/cli/servecommand.cpp" line="+91"/>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give up connecting after this many milliseconds, per address the name resolves to (default 10000).</source>
        <translation>连接超过这么多毫秒仍未成功就放弃，主机名解析出的每个地址分别计时（默认 10000）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../app/cli/mailcommand.cpp" line="+125"/>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Speak TLS. The server&apos;s certificate is verified against the system&apos;s trust store (and --ca-file) for the host name (or --servername); a certificate that fails is refused with the reason and its SHA-256 fingerprint, exit 1.</source>
        <translation>使用 TLS。服务器证书按主机名（或 --servername）对照系统信任库（以及 --ca-file）进行验证；验证失败的证书会被拒绝，并给出原因和它的 SHA-256 指纹，退出码为 1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The name sent as SNI and checked against the certificate (default: HOST).</source>
        <translation>作为 SNI 发送并用来核对证书的名字（默认：HOST）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Accept the server&apos;s certificate although verification fails if its SHA-256 fingerprint is this (&quot;AB:CD:…&quot;, colons optional). May be repeated.</source>
        <translation>即使验证失败，只要服务器证书的 SHA-256 指纹是这个（“AB:CD:…”，冒号可省略）也接受它。可以重复给出。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Offer these ALPN protocols, comma-separated (h2,http/1.1).</source>
        <translation>提供这些 ALPN 协议，以逗号分隔（h2,http/1.1）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../../app/cli/codecommand.cpp" line="+81"/>
        <location filename="../../app/cli/connectcommand.cpp" line="+2"/>
        <location filename="../../app/cli/servecommand.cpp" line="+22"/>
        <location filename="../../app/cli/udpcommand.cpp" line="+110"/>
        <source>spec</source>
        <translation>分帧</translation>
    </message>
    <message>
        <location filename="../../app/cli/connectcommand.cpp" line="+24"/>
        <source>--unix cannot be combined with a host and port</source>
        <translation>--unix 不能与主机和端口同时使用</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>missing the server: HOST PORT, HOST:PORT or --unix PATH (see socketeer connect --help)</source>
        <translation>缺少服务器：HOST PORT、HOST:PORT 或 --unix PATH（参见 socketeer connect --help）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unexpected argument &quot;%1&quot; (see socketeer connect --help)</source>
        <translation>多余的参数“%1”（参见 socketeer connect --help）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no host given in &quot;%1&quot;</source>
        <translation>“%1”中没有主机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot connect to port 0 of %1</source>
        <translation>无法连接到 %1 的 0 号端口</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../app/cli/mailcommand.cpp" line="+84"/>
        <source>--timeout: &quot;%1&quot; is not a number of milliseconds (1 or more)</source>
        <translation>--timeout：“%1”不是有效的毫秒数（应为 1 或更大）</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../app/cli/servecommand.cpp" line="+26"/>
        <source>--verify needs --frame: TCP is a stream, so a check value ends a message only once framing says where messages end</source>
        <translation>--verify 需要 --frame：TCP 是字节流，只有分帧说明了消息在哪里结束，校验值才能作为消息的结尾</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../app/cli/udpcommand.cpp" line="+90"/>
        <source>--sequence cannot be combined with --frame, --append or --verify yet</source>
        <translation>--sequence 暂时不能与 --frame、--append 或 --verify 一起使用</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--hex and --timestamps show the stream as it came: they cannot be combined with --frame or --sequence yet</source>
        <translation>--hex 和 --timestamps 按到达的原样显示数据流：暂时不能与 --frame 或 --sequence 一起使用</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--servername, --ca-file, --trust-fingerprint and --alpn need --tls</source>
        <translation>--servername、--ca-file、--trust-fingerprint 和 --alpn 需要同时给出 --tls</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>the server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>connected to %1 from %2</source>
        <translation>已连接到 %1，本地地址 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS: %1</source>
        <translation>TLS：%1</translation>
    </message>
    <message>
        <location line="+41"/>
        <location filename="../../app/cli/frameoption.cpp" line="+60"/>
        <location filename="../../app/cli/servecommand.cpp" line="+175"/>
        <location line="+18"/>
        <location filename="../../app/cli/udpcommand.cpp" line="+141"/>
        <source>cannot write to standard output: %1</source>
        <translation>无法写入标准输出：%1</translation>
    </message>
    <message>
        <location filename="../../app/cli/servecommand.cpp" line="-260"/>
        <source>Address to listen on (default 127.0.0.1, loopback only: other machines cannot connect). 0.0.0.0 or :: listens on all interfaces.</source>
        <translation>监听的地址（默认 127.0.0.1，仅限回环：其他机器无法连接）。0.0.0.0 或 :: 表示在所有网络接口上监听。</translation>
    </message>
    <message>
        <location filename="../../app/cli/mailcommand.cpp" line="-151"/>
        <source>  subject:     %1</source>
        <translation>  主题（颁发给）：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  issuer:      %1</source>
        <translation>  颁发者：       %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  valid:       %1 to %2</source>
        <translation>  有效期：       %1 至 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  SHA-256:     %1</source>
        <translation>  SHA-256：      %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>If you know this is your server&apos;s certificate, trust it with --trust-fingerprint %1</source>
        <translation>如果确认这是你的服务器的证书，可以用 --trust-fingerprint %1 信任它</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sends one mail over SMTP: EHLO, STARTTLS or TLS, AUTH, MAIL FROM, RCPT TO for every To, Cc and
Bcc address, DATA, QUIT. The body is read from --body-file, or else from stdin, as UTF-8 text.
Addresses are ADDR or &quot;Name &lt;ADDR&gt;&quot; (&apos;王大锤 &lt;a@example.com&gt;&apos;). The SMTP dialogue is printed
on stderr with the password masked. Server certificates are verified against the system&apos;s
trust store (and --ca-file). Exit status 0 only when the server accepted the message.

Example: socketeer mail --server smtp.126.com:465 --security tls --user me@126.com
         --password-env SMTP_CODE --from &apos;王大锤 &lt;me@126.com&gt;&apos; --to you@example.com
         --subject 月报 --attach 汇总数据.xlsx &lt; body.txt</source>
        <translation>通过 SMTP 发送一封邮件：EHLO、STARTTLS 或 TLS、AUTH、MAIL FROM、对每个收件人/抄送/密送地址
发送 RCPT TO、DATA、QUIT。正文从 --body-file 读取，否则从标准输入读取，按 UTF-8 文本处理。
地址可写成 ADDR 或 &quot;名字 &lt;ADDR&gt;&quot;（&apos;王大锤 &lt;a@example.com&gt;&apos;）。SMTP 对话打印到标准错误，
密码会被遮盖。服务器证书按系统信任库（以及 --ca-file）验证。只有服务器接受了邮件，
退出状态才是 0。

示例：socketeer mail --server smtp.126.com:465 --security tls --user me@126.com
         --password-env SMTP_CODE --from &apos;王大锤 &lt;me@126.com&gt;&apos; --to you@example.com
         --subject 月报 --attach 汇总数据.xlsx &lt; body.txt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The SMTP server, HOST:PORT or HOST (port 25, 587 or 465 by --security).</source>
        <translation>SMTP 服务器，HOST:PORT 或 HOST（端口按 --security 取 25、587 或 465）。</translation>
    </message>
    <message>
        <location filename="../../app/cli/codecommand.cpp" line="+10"/>
        <location filename="../../app/cli/labcommand.cpp" line="+44"/>
        <location filename="../../app/cli/mailcommand.cpp" line="+1"/>
        <source>host:port</source>
        <translation>主机:端口</translation>
    </message>
    <message>
        <location filename="../../app/cli/mailcommand.cpp" line="+2"/>
        <source>none, starttls (default) or tls (implicit TLS, port 465).</source>
        <translation>none、starttls（默认）或 tls（直接 TLS，端口 465）。</translation>
    </message>
    <message>
        <location filename="../../app/cli/codecommand.cpp" line="+2"/>
        <location filename="../../app/cli/mailcommand.cpp" line="+1"/>
        <source>mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../app/cli/mailcommand.cpp" line="+1"/>
        <source>Log in (AUTH) as this user.</source>
        <translation>以此用户登录（AUTH）。</translation>
    </message>
    <message>
        <location filename="../../app/cli/codecommand.cpp" line="+1"/>
        <location filename="../../app/cli/mailcommand.cpp" line="+0"/>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../app/cli/mailcommand.cpp" line="+2"/>
        <source>Read the password (or authorization code, or token) from this environment variable.</source>
        <translation>从这个环境变量读取密码（或授权码、令牌）。</translation>
    </message>
    <message>
        <location filename="../../app/cli/codecommand.cpp" line="+4"/>
        <location filename="../../app/cli/mailcommand.cpp" line="+2"/>
        <source>var</source>
        <translation>变量</translation>
    </message>
    <message>
        <location filename="../../app/cli/mailcommand.cpp" line="+2"/>
        <source>Read the password from the first line of this file.</source>
        <translation>从这个文件的第一行读取密码。</translation>
    </message>
    <message>
        <location filename="../../app/cli/codecommand.cpp" line="-14"/>
        <location line="+2"/>
        <location line="+2"/>
        <location line="+13"/>
        <location filename="../../app/cli/connectcommand.cpp" line="-188"/>
        <location filename="../../app/cli/inboxcommand.cpp" line="+101"/>
        <location line="+2"/>
        <location filename="../../app/cli/mailcommand.cpp" line="+0"/>
        <location line="+23"/>
        <location line="+1"/>
        <location filename="../../app/cli/rulesoptions.cpp" line="+25"/>
        <location filename="../../app/cli/sequenceoption.cpp" line="+31"/>
        <location filename="../../app/cli/servecommand.cpp" line="+29"/>
        <location line="+2"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../app/cli/mailcommand.cpp" line="-22"/>
        <source>auto (default: PLAIN, else LOGIN), plain, login or xoauth2 (the password is an OAuth 2 access token).</source>
        <translation>auto（默认：优先 PLAIN，否则 LOGIN）、plain、login 或 xoauth2（密码是 OAuth 2 访问令牌）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Allow logging in without encryption to a server that is not on this machine (refused otherwise).</source>
        <translation>允许在未加密的连接上登录不在本机的服务器（否则会拒绝）。</translation>
    </message>
    <message>
        <location filename="../../app/cli/connectcommand.cpp" line="-1"/>
        <location filename="../../app/cli/mailcommand.cpp" line="+3"/>
        <source>Also trust the CA certificates in this PEM file.</source>
        <translation>同时信任这个 PEM 文件中的 CA 证书。</translation>
    </message>
    <message>
        <location filename="../../app/cli/mailcommand.cpp" line="+0"/>
        <source>pem</source>
        <translation>pem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust the server certificate with this SHA-256 fingerprint even though it cannot be verified (repeatable).</source>
        <translation>信任具有此 SHA-256 指纹的服务器证书，即使它无法通过验证（可重复）。</translation>
    </message>
    <message>
        <location filename="../../app/cli/connectcommand.cpp" line="+5"/>
        <location filename="../../app/cli/mailcommand.cpp" line="+2"/>
        <source>sha256</source>
        <translation>sha256</translation>
    </message>
    <message>
        <location filename="../../app/cli/inboxcommand.cpp" line="-53"/>
        <source>Receives mail: an SMTP server that keeps every message it is sent (it relays nothing).
Each message is written to the folder as ID.eml: a Received: line in front, then exactly
what the client sent. Beside it, ID.json has its envelope (sender, recipients, the SMTP
dialogue). A folder that already holds other files gets a folder socketeer-inbox of its
own inside; nothing else in it is touched. Point a program you are testing, or
socketeer mail, at it:
  socketeer mail --server 127.0.0.1:2525 --security none --from a@example.com --to b@example.com ...

Once listening it prints &quot;listening on HOST PORT&quot; to stdout (with --implicit-tls-port, then
&quot;listening with TLS on HOST PORT&quot;), then one line per message received. It runs until SIGINT
or SIGTERM.

For testing mail clients: --auth makes it ask for SMTP AUTH (PLAIN or LOGIN), and --fail
makes it answer chosen failures on purpose, for example --fail RCPT:451:50 answers half of
the RCPT commands with 451.</source>
        <translation>收信：一个保存收到的每封邮件的 SMTP 服务器（不转发任何邮件）。
每封邮件写入文件夹中的 ID.eml：最前面是一行 Received:，后面是客户端发来的原样内容。
旁边的 ID.json 记录信封（发件人、收件人、SMTP
对话）。若文件夹里已有别的文件，就在其中建一个自己的 socketeer-inbox
文件夹；其他内容一概不动。把要测试的程序或
socketeer mail 指向它：
  socketeer mail --server 127.0.0.1:2525 --security none --from a@example.com --to b@example.com ...

开始监听后，它向标准输出打印“listening on HOST PORT”（使用 --implicit-tls-port 时，接着打印
“listening with TLS on HOST PORT”），之后每收到一封邮件打印一行。它一直运行，直到收到 SIGINT
或 SIGTERM。

测试邮件客户端时：--auth 让它要求 SMTP AUTH（PLAIN 或 LOGIN），--fail
让它故意回答指定的失败，例如 --fail RCPT:451:50 会让一半的 RCPT 命令得到 451。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Address to listen on (default 127.0.0.1, loopback only: other machines cannot send to it). 0.0.0.0 or :: listens on all interfaces.</source>
        <translation>监听的地址（默认 127.0.0.1，仅本机回环：其他机器无法发信给它）。0.0.0.0 或 :: 监听所有网卡。</translation>
    </message>
    <message>
        <location filename="../../app/cli/codecommand.cpp" line="-40"/>
        <location line="+29"/>
        <location line="+9"/>
        <location line="+3"/>
        <location line="+2"/>
        <location filename="../../app/cli/inboxcommand.cpp" line="+2"/>
        <location filename="../../app/cli/inboxwait.cpp" line="+58"/>
        <location filename="../../app/cli/mailcommand.cpp" line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+4"/>
        <location filename="../../app/cli/relaycommand.cpp" line="+80"/>
        <location line="+1"/>
        <location filename="../../app/cli/servecommand.cpp" line="-29"/>
        <location filename="../../app/cli/udpcommand.cpp" line="-241"/>
        <location line="+1"/>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../app/cli/inboxcommand.cpp" line="+1"/>
        <source>Port to listen on (default 2525; 0: any free port).</source>
        <translation>监听的端口（默认 2525；0：任一空闲端口）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Folder to store messages in (default: the app&apos;s inbox, %1).</source>
        <translation>保存邮件的文件夹（默认：应用的收件箱，%1）。</translation>
    </message>
    <message>
        <location filename="../../app/cli/codecommand.cpp" line="+3"/>
        <location filename="../../app/cli/inboxcommand.cpp" line="+2"/>
        <location filename="../../app/cli/inboxquery.cpp" line="+57"/>
        <location filename="../../app/cli/inboxshow.cpp" line="+205"/>
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../app/cli/inboxcommand.cpp" line="+2"/>
        <source>Largest message accepted, in MiB (default 64); larger ones are refused with 552.</source>
        <translation>接受的最大邮件，单位 MiB（默认 64）；更大的邮件以 552 拒收。</translation>
    </message>
    <message>
        <location filename="../../app/cli/codecommand.cpp" line="+2"/>
        <location filename="../../app/cli/inboxcommand.cpp" line="+1"/>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <location filename="../../app/cli/inboxcommand.cpp" line="+2"/>
        <source>Seconds a client may stay silent before it is disconnected with 421 (default 300).</source>
        <translation>客户端沉默多少秒后以 421 断开（默认 300）。</translation>
    </message>
    <message>
        <location filename="../../app/cli/codecommand.cpp" line="+3"/>
        <location filename="../../app/cli/inboxcommand.cpp" line="+1"/>
        <location filename="../../app/cli/inboxwait.cpp" line="-2"/>
        <location filename="../../app/cli/relaycommand.cpp" line="+14"/>
        <location filename="../../app/cli/roomscommand.cpp" line="+44"/>
        <location filename="../../app/cli/servecommand.cpp" line="+22"/>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../../app/cli/inboxcommand.cpp" line="+3"/>
        <source>Offer SMTP AUTH (PLAIN and LOGIN). &quot;any&quot;: every user name and password is accepted (a test inbox; the user is recorded with each message). Otherwise a file of user:password lines (one per line, &apos;#&apos; starts a comment), read once at start. AUTH is offered under STARTTLS, and without it only to clients on this machine (loopback); others get 538.</source>
        <translation>提供 SMTP AUTH（PLAIN 和 LOGIN）。&quot;any&quot;：接受任何用户名和密码（测试收件箱；每封邮件都会记录该用户）。否则为一个 user:password 行的文件（每行一个，&quot;#&quot; 开始注释），启动时读取一次。AUTH 在 STARTTLS 之后提供；没有 STARTTLS 时只提供给本机（回环）的客户端，其他客户端得到 538。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>any|file</source>
        <translation>any|文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Offer STARTTLS (RFC 3207) after EHLO, with --tls-cert/--tls-key or else the development certificate for localhost, 127.0.0.1 and ::1 (made on first use, shared with socketeer serve --tls-dev-cert). Its SHA-256 fingerprint is printed on stderr.</source>
        <translation>在 EHLO 之后提供 STARTTLS（RFC 3207），使用 --tls-cert/--tls-key，否则使用为 localhost、127.0.0.1 和 ::1 制作的开发证书（首次使用时生成，与 socketeer serve --tls-dev-cert 共用）。其 SHA-256 指纹打印到标准错误。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Also listen on this port for implicit TLS (SMTPS, RFC 8314: the TLS handshake comes first, as with port 465; 0: any free port), with the certificate of --starttls, the same folder, AUTH and rules. Turns on --starttls for the plain port too.</source>
        <translation>同时在此端口监听隐式 TLS（SMTPS，RFC 8314：先进行 TLS 握手，与 465 端口相同；0：任一空闲端口），使用 --starttls 的证书、同一文件夹、同样的 AUTH 和规则。同时为普通端口打开 --starttls。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The certificate STARTTLS and the implicit TLS port present (PEM; further certificates in the file are sent as its chain). Needs --tls-key, and --starttls or --implicit-tls-port.</source>
        <translation>STARTTLS 和隐式 TLS 端口出示的证书（PEM；文件中其后的证书作为证书链发送）。需要 --tls-key，以及 --starttls 或 --implicit-tls-port。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Instead of receiving, read the inbox from a script (socketeer inbox list --help, and so on).</source>
        <translation>不接收邮件，而是供脚本读取收件箱（见 socketeer inbox list --help 等）。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>--implicit-tls-port: %1 is the plain port already</source>
        <translation>--implicit-tls-port：%1 已经是普通端口</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--tls-cert and --tls-key are the certificate of --starttls or --implicit-tls-port: give one of them too</source>
        <translation>--tls-cert 和 --tls-key 是 --starttls 或 --implicit-tls-port 的证书：请同时给出其中之一</translation>
    </message>
    <message>
        <location line="-64"/>
        <location filename="../../app/cli/servecommand.cpp" line="+6"/>
        <source>The private key of --tls-cert (PEM, not encrypted).</source>
        <translation>--tls-cert 证书的私钥（PEM，未加密）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refuse MAIL with 530 until the client has said STARTTLS. Needs --starttls.</source>
        <translation>在客户端发出 STARTTLS 之前，以 530 拒绝 MAIL。需要 --starttls。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Failure injection: at STAGE (AUTH, MAIL, RCPT or DATA) answer CODE (400 to 599) instead of the normal reply, PERCENT (0 to 100) of the time. Repeatable. Off unless given; announced on stderr.</source>
        <translation>故障注入：在 STAGE（AUTH、MAIL、RCPT 或 DATA）阶段，以 PERCENT（0 到 100）的概率回复 CODE（400 到 599），代替正常回复。可重复指定。默认关闭；开启时在标准错误输出上提示。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>STAGE:CODE:PERCENT</source>
        <translation>STAGE:CODE:PERCENT</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unexpected argument &quot;%1&quot; (see socketeer inbox --help)</source>
        <translation>多余的参数 &quot;%1&quot;（见 socketeer inbox --help）</translation>
    </message>
    <message>
        <location filename="../../app/cli/codecommand.cpp" line="+171"/>
        <location filename="../../app/cli/inboxcommand.cpp" line="+14"/>
        <source>--max-size: &quot;%1&quot; is not a size in MiB from 1 to 4096</source>
        <translation>--max-size：&quot;%1&quot; 不是 1 到 4096 之间的 MiB 数</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../app/cli/inboxcommand.cpp" line="+4"/>
        <source>--timeout: &quot;%1&quot; is not a number of seconds from 1 to 86400</source>
        <translation>--timeout：&quot;%1&quot; 不是 1 到 86400 之间的秒数</translation>
    </message>
    <message>
        <location filename="../../app/cli/inboxcommand.cpp" line="+5"/>
        <source>--auth: give &quot;any&quot; or a file of user:password lines</source>
        <translation>--auth：请给出“any”或一个 user:password 行组成的文件</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>--require-tls needs --starttls: without it no message could ever arrive</source>
        <translation>--require-tls 需要 --starttls：否则任何邮件都无法送达</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>listening on all interfaces: anyone who can reach this machine can send mail to it</source>
        <translation>正在监听所有网卡：任何能访问本机的人都能向它发信</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AUTH is refused (538) to clients on other machines: their password would cross the network in clear text</source>
        <translation>对其他计算机上的客户端拒绝 AUTH（538）：它们的密码会以明文经过网络</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>failure injection is on: %1</source>
        <translation>故障注入已开启：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>storing messages in %1</source>
        <translation>邮件保存在 %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>received %1 from &lt;%2&gt; to %3 (%4 bytes)</source>
        <translation>received %1 from &lt;%2&gt; to %3 (%4 bytes)</translation>
    </message>
    <message>
        <location filename="../../app/cli/mailcommand.cpp" line="-6"/>
        <source>The sender.</source>
        <translation>发件人。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A recipient (repeatable).</source>
        <translation>收件人（可重复）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A copy recipient (repeatable).</source>
        <translation>抄送人（可重复）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A blind copy recipient (repeatable): in the envelope only, never in a header.</source>
        <translation>密送人（可重复）：只在信封中，绝不出现在邮件头里。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The subject.</source>
        <translation>主题。</translation>
    </message>
    <message>
        <location filename="../../app/cli/codecommand.cpp" line="-187"/>
        <location filename="../../app/cli/inboxwait.cpp" line="+4"/>
        <location filename="../../app/cli/mailcommand.cpp" line="+0"/>
        <location filename="../../app/cli/relaycommand.cpp" line="-7"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../app/cli/mailcommand.cpp" line="+2"/>
        <source>Read the body from this file (UTF-8) instead of stdin.</source>
        <translation>从这个文件（UTF-8）读取正文，而不是标准输入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attach this file (repeatable).</source>
        <translation>添加这个文件为附件（可重复）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name to give in EHLO (default: our address, as [127.0.0.1]).</source>
        <translation>EHLO 中使用的名字（默认：本机地址，如 [127.0.0.1]）。</translation>
    </message>
    <message>
        <location filename="../../app/cli/checksumoptions.cpp" line="+11"/>
        <source>Append a check value to every message sent: crc16-modbus, crc16-ccitt-false, crc16-xmodem, crc32, crc8, sum8, xor8 or lrc. Byte order by convention: crc16-modbus and crc32 low byte first, crc16-ccitt-false and crc16-xmodem high byte first.</source>
        <translation>在发送的每条消息后附加校验值：crc16-modbus、crc16-ccitt-false、crc16-xmodem、crc32、crc8、sum8、xor8 或 lrc。字节序按惯例：crc16-modbus 和 crc32 低字节在前，crc16-ccitt-false 和 crc16-xmodem 高字节在前。</translation>
    </message>
    <message>
        <location filename="../../app/cli/announceoption.cpp" line="+23"/>
        <source>With --chat: announce the room on the local network as NAME every %1 seconds (room name, port, TLS, number of members), so `socketeer rooms` and the client panel find it. Needs --bind 0.0.0.0, :: or an address of this machine: a room on loopback cannot be joined from elsewhere.</source>
        <translation>与 --chat 一起使用：每 %1 秒以 NAME 为名在本地网络上通告聊天室（名称、端口、TLS、成员人数），让 `socketeer rooms` 和客户端面板找到它。需要 --bind 0.0.0.0、:: 或本机的某个地址：只监听回环地址的聊天室，别的机器无法加入。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../app/cli/checksumoptions.cpp" line="+3"/>
        <location line="+9"/>
        <location filename="../../app/cli/codecommand.cpp" line="-22"/>
        <location filename="../../app/cli/connectcommand.cpp" line="-6"/>
        <location filename="../../app/cli/mailcommand.cpp" line="+1"/>
        <location filename="../../app/cli/relaycommand.cpp" line="-2"/>
        <location filename="../../app/cli/sequenceoption.cpp" line="+5"/>
        <source>name</source>
        <translation>名字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How --announce reaches IPv4 hosts: broadcast (to each interface&apos;s broadcast address, the default) or multicast (to the group %1). IPv6 hosts are reached by the link-local group %2 when the room listens on IPv6.</source>
        <translation>--announce 如何到达 IPv4 主机：broadcast（发往每个网络接口的广播地址，默认）或 multicast（发往组播组 %1）。聊天室监听 IPv6 时，IPv6 主机通过链路本地组播组 %2 收到通告。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>how</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--announce-via says how to announce: add --announce NAME</source>
        <translation>--announce-via 说明如何通告：请加上 --announce NAME</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--announce announces a chat room: add --chat</source>
        <translation>--announce 通告的是聊天室：请加上 --chat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--announce-via is broadcast or multicast, not &quot;%1&quot;</source>
        <translation>--announce-via 只能是 broadcast 或 multicast，而不是“%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--announce tells the network about a TCP port: a room on --unix cannot be announced</source>
        <translation>--announce 向网络通告的是 TCP 端口：--unix 上的聊天室无法通告</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>--announce: %1</source>
        <translation>--announce：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>announcing the room: %1</source>
        <translation>通告聊天室时：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the room is not announced: %1</source>
        <translation>聊天室没有被通告：%1</translation>
    </message>
    <message>
        <location filename="../../app/cli/checksumoptions.cpp" line="-7"/>
        <source>Byte order of the check value: le (low byte first) or be (high byte first), instead of the convention.</source>
        <translation>校验值的字节序：le（低字节在前）或 be（高字节在前），代替惯例的字节序。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compute the check value over these bytes of the message only, as a Python slice: 1: skips the first byte, :-1 leaves out the last, 2:10 is bytes 2 to 9 (default: the whole message).</source>
        <translation>只对消息中的这些字节计算校验值，写法同 Python 切片：1: 跳过第一个字节，:-1 不含最后一个字节，2:10 是第 2 到第 9 个字节（默认：整条消息）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check every message received as ending with this check value (names as for --append).</source>
        <translation>把收到的每条消息当作以此校验值结尾来检查（算法名同 --append）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--checksum-order needs --append or --verify</source>
        <translation>--checksum-order 需要配合 --append 或 --verify</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>--checksum-order needs --append</source>
        <translation>--checksum-order 需要配合 --append</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--checksum-range needs --append or --verify</source>
        <translation>--checksum-range 需要配合 --append 或 --verify</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>--checksum-range needs --append</source>
        <translation>--checksum-range 需要配合 --append</translation>
    </message>
    <message>
        <location filename="../../app/cli/mailcommand.cpp" line="+2"/>
        <source>Give up on any single wait after this many milliseconds (default 60000).</source>
        <translation>任何一次等待超过这么多毫秒就放弃（默认 60000）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do not print the SMTP dialogue.</source>
        <translation>不打印 SMTP 对话。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unexpected argument &quot;%1&quot; (see socketeer mail --help)</source>
        <translation>多余的参数“%1”（见 socketeer mail --help）</translation>
    </message>
    <message>
        <location filename="../../app/cli/codecommand.cpp" line="-25"/>
        <source>python or c.</source>
        <translation>python 或 c。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>tcp-client: the server, HOST PORT or HOST:PORT.</source>
        <translation>tcp-client：服务器，写作 HOST PORT 或 HOST:PORT。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>tcp-server: event-loop (selectors, epoll) or thread-per-client.</source>
        <translation>tcp-server：event-loop（事件循环，selectors、epoll）或 thread-per-client（每客户端一线程）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tcp-server, udp: send what comes back to its sender.</source>
        <translation>tcp-server、udp：把收到的内容发回给发送方。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tcp-server: the chat room, as serve --chat: each line a client sends goes to all the others as &quot;NAME: TEXT&quot; (NAME is its address, or with --nicknames its nickname), with &quot;*** NAME joined&quot; and &quot;*** NAME left&quot;; over TLS with --tls-cert and --tls-key.</source>
        <translation>tcp-server：聊天室，与 serve --chat 相同：客户端发来的每一行都以“NAME: TEXT”的形式转发给其他所有客户端（NAME 是它的地址，带 --nicknames 时是它的昵称），并通知“*** NAME joined”（加入）和“*** NAME left”（离开）；带 --tls-cert 和 --tls-key 时通过 TLS。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ipv4 or ipv6 (default: ipv6 for an IPv6 address, else ipv4).</source>
        <translation>ipv4 或 ipv6（默认：IPv6 地址用 ipv6，否则用 ipv4）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>family</source>
        <translation>地址族</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The text&apos;s encoding on the wire: UTF-8 (default), GBK, GB18030 or Latin-1.</source>
        <translation>文本在网络上传输时的编码：UTF-8（默认）、GBK、GB18030 或 Latin-1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>tcp-server, tcp-client: none (default), line or crlf, with ,max=BYTES if wanted.</source>
        <translation>tcp-server、tcp-client：none（默认）、line 或 crlf，需要时可加 ,max=字节数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tcp-client: speak TLS, the server&apos;s certificate verified.</source>
        <translation>tcp-client：使用 TLS，并验证服务器的证书。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>tcp-client, mail: also trust the CA certificates in this file.</source>
        <translation>tcp-client、mail：同时信任这个文件中的 CA 证书。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>udp: send each typed line to HOST:PORT. mail: a recipient (repeatable).</source>
        <translation>udp：把输入的每一行发送到 HOST:PORT。mail：收件人（可重复）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mail: the SMTP server, HOST:PORT.</source>
        <translation>mail：SMTP 服务器，HOST:PORT。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mail: none, starttls (default) or tls.</source>
        <translation>mail：none、starttls（默认）或 tls。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mail: log in as this user.</source>
        <translation>mail：以这个用户登录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mail: the environment variable the program reads the password from (default SMTP_PASSWORD).</source>
        <translation>mail：程序从中读取密码的环境变量（默认 SMTP_PASSWORD）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>mail: the sender.</source>
        <translation>mail：发件人。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mail: the subject.</source>
        <translation>mail：主题。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mail: attach this file (repeatable).</source>
        <translation>mail：附加这个文件（可重复）。</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Prints a complete program, in Python 3 or C, that does what the other commands do with the same
options: tcp-server as serve, tcp-client as connect, udp as udp, mail as mail, inbox as inbox.
Save it and run it:
  socketeer code python tcp-server --port 0 --model thread-per-client --echo &gt; tcp_server.py
  socketeer code c tcp-client 127.0.0.1 50007 --frame line &gt; tcp_client.c
  socketeer code python tcp-server --port 0 --chat &gt; chat_server.py

A server generated with --port 0 binds any free port and prints &quot;listening on HOST PORT&quot;, like
serve. The C programs build with gcc -Wall -Wextra (add -pthread for thread-per-client, and
-lssl -lcrypto for TLS and mail). Not generated: the inbox&apos;s --auth, --fail, --require-tls and
--implicit-tls-port.</source>
        <translation>输出一个完整的 Python 3 或 C 程序，它用相同的选项做其他命令所做的事：tcp-server 对应 serve，
tcp-client 对应 connect，udp 对应 udp，mail 对应 mail，inbox 对应 inbox。
保存后即可运行：
  socketeer code python tcp-server --port 0 --model thread-per-client --echo &gt; tcp_server.py
  socketeer code c tcp-client 127.0.0.1 50007 --frame line &gt; tcp_client.c
  socketeer code python tcp-server --port 0 --chat &gt; chat_server.py

用 --port 0 生成的服务器会绑定任意空闲端口，并像 serve 一样输出“listening on HOST PORT”。
C 程序可用 gcc -Wall -Wextra 编译（每客户端一线程模型另加 -pthread，TLS 和邮件另加 -lssl -lcrypto）。
不生成：收件箱的 --auth、--fail、--require-tls 和 --implicit-tls-port。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>tcp-server, tcp-client, udp, mail or inbox.</source>
        <translation>tcp-server、tcp-client、udp、mail 或 inbox。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>tcp-server, inbox: the address to listen on (default 127.0.0.1). udp: HOST:PORT to bind (default 127.0.0.1:0).</source>
        <translation>tcp-server、inbox：监听的地址（默认 127.0.0.1）。udp：要绑定的 HOST:PORT（默认 127.0.0.1:0）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>tcp-server: the port, 0-65535 (0: any free port). Required. inbox: the port (default 2525).</source>
        <translation>tcp-server：端口，0-65535（0：任意空闲端口）。必填。inbox：端口（默认 2525）。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>tcp-server: serve TLS with this certificate (PEM). inbox: the certificate of --starttls.</source>
        <translation>tcp-server：用这个证书（PEM）提供 TLS 服务。inbox：--starttls 使用的证书。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tcp-server, inbox: the private key of --tls-cert (PEM).</source>
        <translation>tcp-server、inbox：--tls-cert 的私钥（PEM）。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>mail: a copy recipient (repeatable).</source>
        <translation>mail：抄送收件人（可重复）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mail: a blind copy recipient, in no header (repeatable).</source>
        <translation>mail：密送收件人，不出现在任何邮件头中（可重复）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>inbox: the folder each message is saved in (default: inbox, beside where the program runs).</source>
        <translation>inbox：保存每封邮件的文件夹（默认：程序运行位置下的 inbox）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>inbox: the largest message accepted, in MiB (default 64).</source>
        <translation>inbox：接受的最大邮件大小，单位 MiB（默认 64）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>inbox: seconds a client may stay silent before it is sent away with 421 (default 300).</source>
        <translation>inbox：客户端可以保持沉默的秒数，超时后以 421 断开（默认 300）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>inbox: offer STARTTLS, with --tls-cert/--tls-key or else the development certificate (made now if missing, as socketeer inbox --starttls does).</source>
        <translation>inbox：提供 STARTTLS，使用 --tls-cert/--tls-key，否则使用开发证书（缺少时现在生成，与 socketeer inbox --starttls 相同）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>say which language and which program: socketeer code python|c tcp-server|tcp-client|udp|mail|inbox</source>
        <translation>请指明语言和程序：socketeer code python|c tcp-server|tcp-client|udp|mail|inbox</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown language &quot;%1&quot; (use %2)</source>
        <translation>未知的语言“%1”（可用：%2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown program &quot;%1&quot; (use %2)</source>
        <translation>未知的程序“%1”（可用：%2）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>--%1 does not apply to %2</source>
        <translation>--%1 不适用于 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+48"/>
        <source>unexpected argument &quot;%1&quot; (see socketeer code --help)</source>
        <translation>多余的参数“%1”（参见 socketeer code --help）</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>--encoding: unknown encoding &quot;%1&quot; (use UTF-8, GBK, GB18030 or Latin-1)</source>
        <translation>--encoding：未知的编码“%1”（可用 UTF-8、GBK、GB18030 或 Latin-1）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>missing --port PORT (0 picks any free port; see socketeer code --help)</source>
        <translation>缺少 --port PORT（0 表示任意空闲端口；参见 socketeer code --help）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>missing the server: HOST PORT or HOST:PORT (see socketeer code --help)</source>
        <translation>缺少服务器：HOST PORT 或 HOST:PORT（参见 socketeer code --help）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the server must be a host and a port from 1 to 65535</source>
        <translation>服务器必须是一个主机和一个 1 到 65535 的端口</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--ca-file needs --tls</source>
        <translation>--ca-file 需要与 --tls 一起使用</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>UDP binds a host and port, not a path</source>
        <translation>UDP 绑定的是主机和端口，而不是路径</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--echo answers what comes, and with --to the program asks instead</source>
        <translation>--echo 用于回应收到的内容，而带 --to 时程序是发起请求的一方</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../../app/cli/mailcommand.cpp" line="+11"/>
        <source>--security: &quot;%1&quot; is not none, starttls or tls</source>
        <translation>--security：“%1”不是 none、starttls 或 tls</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../app/cli/mailcommand.cpp" line="+3"/>
        <source>missing --server HOST:PORT</source>
        <translation>缺少 --server HOST:PORT</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--server: &quot;%1&quot; is not HOST:PORT</source>
        <translation>--server：“%1”不是 HOST:PORT</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>--tls-cert and --tls-key are the certificate of --starttls: give it too</source>
        <translation>--tls-cert 和 --tls-key 是 --starttls 使用的证书：请同时给出 --starttls</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>--family: &quot;%1&quot; is not ipv4 or ipv6</source>
        <translation>--family：“%1”不是 ipv4 或 ipv6</translation>
    </message>
    <message>
        <location filename="../../app/cli/mailcommand.cpp" line="+8"/>
        <source>&quot;%1&quot; is not HOST:PORT</source>
        <translation>“%1”不是 HOST:PORT</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--server: &quot;%1&quot; needs a host and a port from 1 to 65535</source>
        <translation>--server：“%1”需要主机和 1 到 65535 之间的端口</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--auth: &quot;%1&quot; is not auto, plain, login or xoauth2</source>
        <translation>--auth：“%1”不是 auto、plain、login 或 xoauth2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>give the password one way: --password-env or --password-file</source>
        <translation>密码只能用一种方式给出：--password-env 或 --password-file</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--password-env: the environment variable %1 is not set</source>
        <translation>--password-env：环境变量 %1 没有设置</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--password-file: cannot read %1: %2</source>
        <translation>--password-file：无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a password was given but no --user</source>
        <translation>给出了密码，但没有 --user</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--user needs a password: --password-env VAR or --password-file FILE</source>
        <translation>--user 需要密码：--password-env 变量 或 --password-file 文件</translation>
    </message>
    <message>
        <location filename="../../app/cli/connectcommand.cpp" line="+95"/>
        <location filename="../../app/cli/mailcommand.cpp" line="+5"/>
        <source>--trust-fingerprint: &quot;%1&quot; is not a SHA-256 fingerprint (64 hex digits)</source>
        <translation>--trust-fingerprint：“%1”不是 SHA-256 指纹（64 个十六进制数字）</translation>
    </message>
    <message>
        <location filename="../../app/cli/mailcommand.cpp" line="+13"/>
        <source>missing --from ADDRESS</source>
        <translation>缺少 --from 地址</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>missing a recipient: --to, --cc or --bcc</source>
        <translation>缺少收件人：--to、--cc 或 --bcc</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--body-file: cannot read %1: %2</source>
        <translation>--body-file：无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type the body, then Ctrl-D on a line of its own.</source>
        <translation>请输入正文，最后在单独一行按 Ctrl-D。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot read the body from stdin: %1</source>
        <translation>无法从标准输入读取正文：%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The server accepted the message.</source>
        <translation>服务器已接受这封邮件。</translation>
    </message>
    <message>
        <location filename="../../app/cli/servecommand.cpp" line="-27"/>
        <source>Port to listen on, 0-65535 (0: any free port). Required.</source>
        <translation>监听的端口，0-65535（0：任意空闲端口）。必须指定。</translation>
    </message>
    <message>
        <location filename="../../app/cli/codecommand.cpp" line="-248"/>
        <location filename="../../app/cli/inboxcommand.cpp" line="-146"/>
        <location line="+28"/>
        <location filename="../../app/cli/servecommand.cpp" line="+1"/>
        <source>port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../app/cli/servecommand.cpp" line="+2"/>
        <source>Send every client&apos;s bytes back to it; nothing of the data is printed and stdin is not read.</source>
        <translation>把每个客户端发来的字节回显给它；不打印任何数据，也不读取标准输入。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Concurrency model: event-loop (one thread, epoll) or thread-per-client.</source>
        <translation>并发模型：event-loop（单线程，epoll）或 thread-per-client（每个客户端一个线程）。</translation>
    </message>
    <message>
        <location filename="../../app/cli/codecommand.cpp" line="+2"/>
        <location filename="../../app/cli/servecommand.cpp" line="+1"/>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../app/cli/servecommand.cpp" line="-29"/>
        <source>Listens for TCP connections. Without --echo, the bytes clients send are written to stdout
exactly as received, and the bytes read from stdin go to every connected client (bytes
read while no client is connected are dropped). Stdin is read only as fast as the slowest
client takes it; a client that takes nothing for the stall timeout is disconnected. The
end of stdin does not stop the server: it runs until SIGINT or SIGTERM, then closes every
connection and exits 0.

Once listening it prints one line to stdout, &quot;listening on HOST PORT&quot; (for --unix:
&quot;listening on unix:PATH&quot;). Clients connecting and leaving are reported on stderr.

With --append every message read from stdin (each chunk as it came, at most 64 KiB) goes
out with a check value after it.

With --frame each client&apos;s bytes are split into messages, written whole, one per line (the
messages of different clients never mixed inside a line), and each line of stdin is sent to
every client as one message with the framing added. With --verify (needs --frame) each
message received is checked as ending with its check value; a bad one is reported after it
on stderr: &quot;socketeer serve: warning: client 2: message 3: bad crc16-modbus: expected 37 4B,
found 00 00&quot;.</source>
        <translation>监听 TCP 连接。不带 --echo 时，客户端发来的字节原样写到标准输出，从标准输入读到的字节
发给每个已连接的客户端（没有客户端连接时读到的字节被丢弃）。标准输入的读取速度只跟得上
最慢的客户端；在停滞超时内一点数据都没收下的客户端会被断开。标准输入结束不会停止服务器：
它一直运行到 SIGINT 或 SIGTERM，然后关闭所有连接并以 0 退出。

开始监听后向标准输出打印一行 &quot;listening on HOST PORT&quot;（--unix 时为
&quot;listening on unix:PATH&quot;）。客户端的连接和离开报告在标准错误上。

使用 --append 时，从标准输入读到的每条消息（按原样读到的每一块，最多 64 KiB）发送时
后面附加一个校验值。

使用 --frame 时，每个客户端的字节被切分成消息，每条完整地写成一行（不同客户端的消息
绝不会混在一行里）；标准输入的每一行作为一条加上分帧的消息发给每个客户端。使用 --verify
（需要 --frame）时，收到的每条消息都按以校验值结尾来检查，校验错误的会随后在标准错误上报告：
“socketeer serve: warning: client 2: message 3: bad crc16-modbus: expected 37 4B,
found 00 00”。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Refuse connections beyond this many clients (default 0: no limit for event-loop, %1 for thread-per-client).</source>
        <translation>拒绝超过此数量的客户端连接（默认 0：event-loop 不限制，thread-per-client 为 %1）。</translation>
    </message>
    <message>
        <location filename="../../app/cli/relaycommand.cpp" line="-49"/>
        <source>Delay every chunk (TCP) or datagram (UDP) by MS ± JITTER milliseconds, uniform or normal (JITTER is then σ). TCP bytes are never reordered.</source>
        <translation>每个数据块（TCP）或数据报（UDP）延迟 MS ± JITTER 毫秒，均匀分布或正态分布（此时 JITTER 为 σ）。TCP 字节的顺序绝不会被打乱。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit the rate to BYTES per second (K, M: ×1024), letting at most BURST through at once.</source>
        <translation>把速率限制为每秒 BYTES 字节（K、M：×1024），一次最多放行 BURST 字节。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP: cut every write into pieces of BYTES ± VAR, DELAY_US microseconds apart: the peer&apos;s recv() sees the pieces.</source>
        <translation>TCP：把每次写入切成 BYTES ± VAR 字节的小片，间隔 DELAY_US 微秒：对端的 recv() 会看到这些小片。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP: reset the connection (RST) after BYTES have passed, or after a time (500ms, 2s).</source>
        <translation>TCP：通过 BYTES 字节后（或经过一段时间后，如 500ms、2s）复位连接（RST）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP: after BYTES, shut that direction down (FIN); the other goes on.</source>
        <translation>TCP：通过 BYTES 字节后关闭该方向（FIN）；另一方向照常。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP: after BYTES, close the connection (toxiproxy&apos;s limit_data).</source>
        <translation>TCP：通过 BYTES 字节后关闭连接（即 toxiproxy 的 limit_data）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP: forward nothing for MS milliseconds (after AFTER bytes).</source>
        <translation>TCP：在 MS 毫秒内什么也不转发（从第 AFTER 字节之后开始）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP: hold a FIN for MS milliseconds before passing it on.</source>
        <translation>TCP：把 FIN 扣留 MS 毫秒后再转发。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP: drop this percentage of datagrams.</source>
        <translation>UDP：按此百分比丢弃数据报。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP: send this percentage of datagrams twice.</source>
        <translation>UDP：按此百分比把数据报发送两次。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP: flip one bit in this percentage of datagrams.</source>
        <translation>UDP：按此百分比在数据报中翻转一位。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP: cut this percentage of datagrams short.</source>
        <translation>UDP：按此百分比截短数据报。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP: hold this percentage of datagrams back until GAP later ones have passed.</source>
        <translation>UDP：按此百分比扣留数据报，直到其后的 GAP 个数据报通过。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>down</source>
        <translation>下行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>up</source>
        <translation>上行</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Listens on --listen and forwards every TCP connection (with --udp: every UDP sender, each its
own session) to --to, impaired as the options say. &quot;Up&quot; is what clients send towards the
target, &quot;down&quot; the target&apos;s answers; every impairment applies to --direction (default both)
unless its value ends in @up, @down or @both (--latency 100@down).

Once listening it prints one line to stdout, &quot;listening on HOST PORT&quot;. Connections opening
and closing, and every impairment that acted, are reported on stderr (--quiet: only the
connections). It runs until SIGINT or SIGTERM, then closes every connection and exits 0.

Profiles (--profile): %1. The same impairments as one text: --impair &quot;latency=100:20 drop=5@up&quot;.</source>
        <translation>在 --listen 上监听，把每个 TCP 连接（加 --udp 时：每个 UDP 发送方，各自一个会话）转发到 --to，
并按选项加入网络损伤。&quot;上行&quot;是客户端发往目标的数据，&quot;下行&quot;是目标的应答；每种损伤作用于
--direction（默认 both，双向），除非其值以 @up、@down 或 @both 结尾（如 --latency 100@down）。

开始监听后向标准输出打印一行 &quot;listening on HOST PORT&quot;。连接的建立与关闭，以及每次起作用的损伤，
都报告在标准错误上（--quiet：只报告连接）。它一直运行到 SIGINT 或 SIGTERM，然后关闭所有连接并以 0 退出。

配置（--profile）：%1。也可以把同样的损伤写成一段文本：--impair &quot;latency=100:20 drop=5@up&quot;。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Where to listen: PORT (on 127.0.0.1, loopback only), HOST:PORT or [IPv6]:PORT. 0.0.0.0:PORT listens on all interfaces. Required.</source>
        <translation>监听位置：PORT（在 127.0.0.1 上，仅回环）、HOST:PORT 或 [IPv6]:PORT。0.0.0.0:PORT 监听所有网络接口。必填。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where to forward: HOST:PORT or [IPv6]:PORT. Required.</source>
        <translation>转发目标：HOST:PORT 或 [IPv6]:PORT。必填。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relay UDP datagrams instead of TCP connections.</source>
        <translation>转发 UDP 数据报，而不是 TCP 连接。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which way the impairments act: up, down or both.</source>
        <translation>损伤作用的方向：up（上行）、down（下行）或 both（双向）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>way</source>
        <translation>方向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start from a profile (see above); options given as well override it.</source>
        <translation>从一个配置开始（见上文）；同时给出的选项会覆盖它。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Impairments as one text of KEY=VALUE words (docs/RELAY.md).</source>
        <translation>把损伤写成一段由 KEY=VALUE 组成的文本（见 docs/RELAY.md）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refuse connections (UDP: new senders) beyond this many (default %1).</source>
        <translation>超过这么多连接（UDP：新的发送方）时拒绝（默认 %1）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/cli/servecommand.cpp" line="+3"/>
        <source>n</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>UDP: forget a sender that sent nothing for this many seconds (default %1).</source>
        <translation>UDP：某个发送方这么多秒没有发送任何数据时，忘掉它（默认 %1）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Do not report each impairment that acted, only connections.</source>
        <translation>不报告每次起作用的损伤，只报告连接。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>unexpected argument &quot;%1&quot; (see socketeer relay --help)</source>
        <translation>多余的参数 &quot;%1&quot;（见 socketeer relay --help）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--listen is required: the port (or HOST:PORT) clients connect to</source>
        <translation>必须给出 --listen：客户端要连接的端口（或 HOST:PORT）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--listen: the relay listens on a host and port, not the path &quot;%1&quot;</source>
        <translation>--listen：转发器监听主机和端口，而不是路径 &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--to is required: the HOST:PORT to forward to</source>
        <translation>必须给出 --to：要转发到的 HOST:PORT</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--to: &quot;%1&quot; is not a HOST:PORT to forward to</source>
        <translation>--to：&quot;%1&quot; 不是可以转发到的 HOST:PORT</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--max-connections: &quot;%1&quot; is not a number of connections (1 or more)</source>
        <translation>--max-connections：&quot;%1&quot; 不是连接数（1 或更多）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--idle-timeout: &quot;%1&quot; is not a number of seconds (1 to 86400)</source>
        <translation>--idle-timeout：&quot;%1&quot; 不是秒数（1 到 86400）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--profile: &quot;%1&quot; is not a profile: %2</source>
        <translation>--profile：&quot;%1&quot; 不是已有的配置：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>profile %1: %2 does not apply to a %3 relay, left out</source>
        <translation>配置 %1：%2 不适用于 %3 转发，已略去</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 acts on TCP connections, not on UDP datagrams</source>
        <translation>%1 作用于 TCP 连接，而不是 UDP 数据报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 acts on UDP datagrams (add --udp): TCP itself never loses, repeats or reorders bytes</source>
        <translation>%1 作用于 UDP 数据报（请加 --udp）：TCP 本身从不丢失、重复或打乱字节</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>listening on all interfaces: anyone who can reach this machine can use the relay</source>
        <translation>正在所有网络接口上监听：任何能访问本机的人都能使用这个转发器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>impairments: %1</source>
        <translation>网络损伤：%1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>session %1 from %2 to %3</source>
        <translation>会话 %1：从 %2 到 %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connection %1 from %2 to %3</source>
        <translation>连接 %1：从 %2 到 %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>session %1 closed: %2</source>
        <translation>会话 %1 已关闭：%2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>connection %1 closed: %2</source>
        <translation>连接 %1 已关闭：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>session %1 %2: %3 %4</source>
        <translation>会话 %1 %2：%3 %4</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>connection %1 %2: %3 %4</source>
        <translation>连接 %1 %2：%3 %4</translation>
    </message>
    <message>
        <location filename="../../app/cli/servecommand.cpp" line="+2"/>
        <source>Listen on an AF_UNIX socket at this path instead of a TCP port; the file is removed on exit.</source>
        <translation>改为在此路径上的 AF_UNIX 套接字上监听，而不是 TCP 端口；退出时删除该文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Disconnect a client that takes no data at all for this many seconds while data waits for it (default %1; 0: never). A slower client is waited for.</source>
        <translation>有数据等着发给某个客户端、而它在这么多秒内一点都没收下时，断开它（默认 %1；0：从不）。较慢的客户端会被等待。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Serve TLS with this certificate (PEM; further certificates in the file are sent as its chain). Needs --tls-key.</source>
        <translation>使用此证书提供 TLS 服务（PEM；文件中其余的证书作为证书链一并发送）。需要同时给出 --tls-key。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Serve TLS with the development certificate for localhost, 127.0.0.1 and ::1, made on first use and kept (key readable by you only) in %1. Its SHA-256 fingerprint is printed on stderr; a client trusts it with that fingerprint or with the certificate file as CA.</source>
        <translation>使用适用于 localhost、127.0.0.1 和 ::1 的开发用证书提供 TLS 服务；证书在第一次使用时生成并保存在 %1（私钥只有你本人可读）。它的 SHA-256 指纹打印在标准错误上；客户端可以凭这个指纹信任它，或者把证书文件当作 CA。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>--frame and --verify work on what is printed and read, and with --echo nothing is</source>
        <translation>--frame 和 --verify 作用于打印和读取的内容，而使用 --echo 时两者都没有</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--append adds to what stdin sends, and with --echo stdin sends nothing</source>
        <translation>--append 附加在标准输入发送的内容之后，而使用 --echo 时标准输入什么也不发送</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unexpected argument &quot;%1&quot; (see socketeer serve --help)</source>
        <translation>多余的参数“%1”（参见 socketeer serve --help）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--unix cannot be combined with --port or --bind</source>
        <translation>--unix 不能与 --port 或 --bind 同时使用</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>missing --port PORT (0 picks any free port; see socketeer serve --help)</source>
        <translation>缺少 --port PORT（0 表示任选一个空闲端口；参见 socketeer serve --help）</translation>
    </message>
    <message>
        <location filename="../../app/cli/codecommand.cpp" line="+126"/>
        <location filename="../../app/cli/servecommand.cpp" line="+11"/>
        <source>--model: unknown model &quot;%1&quot; (use event-loop or thread-per-client)</source>
        <translation>--model：未知的模型“%1”（请使用 event-loop 或 thread-per-client）</translation>
    </message>
    <message>
        <location filename="../../app/cli/servecommand.cpp" line="+5"/>
        <source>--max-clients: &quot;%1&quot; is not a number of clients (0 or more)</source>
        <translation>--max-clients：“%1”不是有效的客户端数量（应为 0 或更大）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--chat splits what clients send into lines itself: --frame and --verify do not apply</source>
        <translation>--chat 会自行把客户端发来的内容按行切分：--frame 和 --verify 不适用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--stall-timeout: &quot;%1&quot; is not a number of seconds (0 to 86400)</source>
        <translation>--stall-timeout：&quot;%1&quot; 不是秒数（0 到 86400）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--tls-dev-cert cannot be combined with --tls-cert or --tls-key</source>
        <translation>--tls-dev-cert 不能与 --tls-cert 或 --tls-key 一起使用</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--hex and --timestamps show what clients send as it came: they cannot be combined with --echo, --chat or --frame</source>
        <translation>--hex 和 --timestamps 按到达的原样显示客户端发来的数据：不能与 --echo、--chat 或 --frame 一起使用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>listening on all interfaces: anyone who can reach this machine can connect</source>
        <translation>正在所有网络接口上监听：任何能访问本机的人都可以连接</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>client %1 connected from %2</source>
        <translation>客户端 %1 已连接，来自 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>client %1 connected from %2 over %3 (%4)</source>
        <translation>客户端 %1 从 %2 连接，使用 %3（%4）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+11"/>
        <location line="+26"/>
        <location line="+8"/>
        <source>client %1</source>
        <translation>客户端 %1</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>client %1 disconnected: %2</source>
        <translation>客户端 %1 已断开：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>every client</source>
        <translation>所有客户端</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>refused %1: %2</source>
        <translation>已拒绝 %1：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is muted</source>
        <translation>%1 已被静音</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 may speak again</source>
        <translation>%1 可以重新发言</translation>
    </message>
    <message>
        <location filename="../../app/cli/udpcommand.cpp" line="-3"/>
        <source>Local address and port, HOST:PORT or [IPv6]:PORT (default 127.0.0.1:0: loopback only, any free port). :PORT binds all interfaces.</source>
        <translation>本地地址和端口，HOST:PORT 或 [IPv6]:PORT（默认 127.0.0.1:0：仅限回环，任意空闲端口）。:PORT 表示绑定所有网络接口。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send stdin&apos;s lines to HOST:PORT or [IPv6]:PORT.</source>
        <translation>把标准输入的每一行发送到 HOST:PORT 或 [IPv6]:PORT。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send every datagram received back to its sender.</source>
        <translation>把收到的每个数据报回显给它的发送方。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Allow sending to a broadcast address (SO_BROADCAST).</source>
        <translation>允许发往广播地址（SO_BROADCAST）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Join this IPv4 or IPv6 multicast group, on interface IFACE if given. May be repeated.</source>
        <translation>加入这个 IPv4 或 IPv6 组播组；给出 IFACE 时在该接口上加入。可重复使用。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>unexpected argument &quot;%1&quot; (see socketeer udp --help)</source>
        <translation>多余的参数“%1”（参见 socketeer udp --help）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--bind: UDP binds a host and port, not the path &quot;%1&quot;</source>
        <translation>--bind：UDP 绑定的是主机和端口，而不是路径“%1”</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>--join: &quot;%1&quot; is not a multicast group address (224.0.0.0/4 or ff00::/8)</source>
        <translation>--join：“%1”不是组播组地址（224.0.0.0/4 或 ff00::/8）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--join: no interface after the &quot;%&quot; in &quot;%1&quot;</source>
        <translation>--join：“%1”中的“%”后面没有接口名</translation>
    </message>
    <message>
        <location filename="../../app/cli/codecommand.cpp" line="+41"/>
        <location filename="../../app/cli/udpcommand.cpp" line="-22"/>
        <source>--to: &quot;%1&quot; is not a HOST:PORT to send to</source>
        <translation>--to：“%1”不是可以发送到的 HOST:PORT</translation>
    </message>
    <message>
        <location filename="../../app/cli/udpcommand.cpp" line="-85"/>
        <source>Sends and receives UDP datagrams.

Once bound it prints one line to stdout: &quot;bound HOST PORT&quot;. Then every datagram received
is one line on stdout, &quot;SENDER PAYLOAD&quot;: SENDER is 127.0.0.1:5000 or [::1]:5000 and
PAYLOAD is the rest of the line. As text, the payload&apos;s bytes are written as they are,
except backslash, newline and carriage return, written \\, \n and \r. With --hex-lines it
is lowercase hex digits without spaces (empty for an empty datagram). With --hex each datagram
is instead a hex-and-text dump, as serve and connect write it: a header line
&quot;&lt; SENDER length=N from=0 to=N-1&quot; (&quot;&lt; SENDER length=0&quot; for an empty datagram) and the dump lines.

Every line read from stdin is sent as one datagram, without its newline: to --to, or
without --to as a reply to the sender of the last datagram received. With --hex-input each
line is hex (spaces, colons and 0x allowed). The end of stdin does not stop the command: it runs
until SIGINT or SIGTERM, then exits 0.

With --append each datagram sent (each line) gets a check value after it; --echo sends back
what came, unchanged. With --verify each datagram received is checked as ending with its
check value: it is printed on stdout as always, and a bad one is also reported on stderr as
&quot;socketeer udp: datagram from SENDER: bad crc16-modbus: expected 37 4B, found 00 00&quot;
(or &quot;…: too short for its 2-byte check value&quot;).

With --frame each datagram must be exactly one message under the framing: what is printed
is the message (without its length header or delimiter), and a datagram that is not one (a
length header that disagrees with its size, two messages, no delimiter) is printed whole and
reported on stderr. Each line of stdin is sent with the framing added. --verify checks the
message.</source>
        <translation>发送和接收 UDP 数据报。

绑定成功后，它向标准输出打印一行“bound HOST PORT”。之后每收到一个数据报，就在标准输出
打印一行“SENDER PAYLOAD”：SENDER 形如 127.0.0.1:5000 或 [::1]:5000，PAYLOAD 是这一行的
其余部分。按文本输出时，载荷的字节原样写出，只有反斜杠、换行和回车分别写成 \\、\n 和 \r。
使用 --hex-lines 时，载荷写成不带空格的小写十六进制数字（空数据报为空）。
使用 --hex 时，每个数据报改为写成十六进制加文本的转储，与 serve 和 connect 的写法相同：一行标题
“&lt; SENDER length=N from=0 to=N-1”（空数据报为“&lt; SENDER length=0”），后面是转储的各行。

从标准输入读到的每一行作为一个数据报发送（不含换行符）：发往 --to 指定的地址；没有 --to 时，
回复给最近收到的数据报的发送方。使用 --hex-input 时，每一行按十六进制解析（允许空格、冒号和 0x）。
标准输入结束不会停止命令：它一直运行到收到 SIGINT 或 SIGTERM，然后以 0 退出。

使用 --append 时，发送的每个数据报（每一行）后面附加一个校验值；--echo 原样发回收到的内容。
使用 --verify 时，把收到的每个数据报当作以校验值结尾来检查：它照常打印到标准输出，
校验错误的还会在标准错误上报告，形如
“socketeer udp: datagram from SENDER: bad crc16-modbus: expected 37 4B, found 00 00”
（或“…: too short for its 2-byte check value”）。

使用 --frame 时，每个数据报必须恰好是按该分帧方式的一条消息：打印的是消息本身（不含长度头
或分隔符）；不是一条消息的数据报（长度头与其大小不符、含两条消息、没有分隔符）整个打印出来，
并在标准错误上报告。标准输入的每一行加上分帧后发送。--verify 检查的是消息。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>With --timestamps each datagram&apos;s line begins with the local time it arrived at: &quot;TIME SENDER PAYLOAD&quot;
(with --hex: &quot;&lt; TIME SENDER length=N ...&quot;).

--broadcast lets datagrams go to a broadcast address (SO_BROADCAST). --join GROUP joins an IPv4 or IPv6
multicast group (GROUP%IFACE: on that interface; without one, where the route to the group leads);
to receive the group&apos;s datagrams bind the port on all interfaces (--bind :PORT, or [::]:PORT for
IPv6) or on the group&apos;s address. &quot;bound HOST PORT&quot; is printed once every group is joined, and a
group that cannot be joined is an error (exit 1).</source>
        <translation>使用 --timestamps 时，每个数据报的那一行以它到达时的本地时间开头：“TIME SENDER PAYLOAD”
（使用 --hex 时：“&lt; TIME SENDER length=N ...”）。

--broadcast 允许把数据报发往广播地址（SO_BROADCAST）。--join GROUP 加入一个 IPv4 或 IPv6
组播组（GROUP%IFACE：在该接口上加入；不指定接口时，在通往该组的路由所在的接口上加入）；
要收到该组的数据报，请在所有接口上绑定端口（--bind :PORT，IPv6 用 [::]:PORT）
或绑定到组地址上。所有组都加入之后才打印“bound HOST PORT”；
无法加入的组是一个错误（退出状态 1）。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Print each datagram&apos;s payload as one line of lowercase hex instead of text.</source>
        <translation>把每个数据报的载荷打印成一行小写十六进制，而不是文本。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read stdin&apos;s lines as hex (spaces, colons and 0x allowed): each line is one datagram of those bytes.</source>
        <translation>按十六进制读取标准输入的每一行（允许空格、冒号和 0x）：每一行是由这些字节组成的一个数据报。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>--hex and --hex-lines are two ways to print a datagram: choose one</source>
        <translation>--hex 和 --hex-lines 是打印数据报的两种方式：请只选一种</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>bound to all interfaces: anyone who can reach this machine can send to it</source>
        <translation>已绑定到所有网络接口：任何能访问本机的人都可以向它发送数据</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>--sequence needs --to HOST:PORT</source>
        <translation>--sequence 需要 --to HOST:PORT</translation>
    </message>
    <message>
        <location line="+38"/>
        <location line="+10"/>
        <source>line %1 not sent: %2</source>
        <translation>第 %1 行未发送：%2</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>joined group %1</source>
        <translation>已加入组 %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>datagram from %1 is not one message: %2</source>
        <translation>来自 %1 的数据报不是一条消息：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>datagram from %1: %2</source>
        <translation>来自 %1 的数据报：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the datagram from %1 was cut to %2 of its %3 bytes</source>
        <translation>来自 %1 的数据报被截断：%3 字节中只保留了 %2 字节</translation>
    </message>
    <message>
        <location filename="../../app/cli/faultsenv.cpp" line="+17"/>
        <source>socketeer: SOCKETEER_FAULTS: %1</source>
        <translation>socketeer：SOCKETEER_FAULTS：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>socketeer: injecting socket faults as SOCKETEER_FAULTS asks (%1); a testing aid</source>
        <translation>socketeer：按 SOCKETEER_FAULTS 的要求注入套接字故障（%1）；这是测试辅助功能</translation>
    </message>
    <message>
        <location filename="../../app/cli/codecommand.cpp" line="-38"/>
        <location line="+95"/>
        <location filename="../../app/cli/servertls.cpp" line="+16"/>
        <source>--tls-cert and --tls-key go together</source>
        <translation>--tls-cert 和 --tls-key 必须一起给出</translation>
    </message>
    <message>
        <location filename="../../app/cli/servertls.cpp" line="+14"/>
        <source>made a development certificate for localhost, 127.0.0.1 and ::1: %1</source>
        <translation>已为 localhost、127.0.0.1 和 ::1 生成开发用证书：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>TLS certificate %1, SHA-256 fingerprint %2</source>
        <translation>TLS 证书 %1，SHA-256 指纹 %2</translation>
    </message>
    <message>
        <location filename="../../app/cli/streamwatch.cpp" line="+24"/>
        <source>reading standard input: %1</source>
        <translation>读取标准输入：%1</translation>
    </message>
    <message>
        <location filename="../../app/cli/frameoption.cpp" line="-43"/>
        <source>Split what is received into messages and add the same framing to what is sent. SPEC is none, line, crlf, delim:HEX, len:1, len:2be, len:2le, len:4be, len:4le or fixed:N, then options: header (the length counts its header), max=BYTES (default 1M), resync or close (on a framing error; resync is the default). Each received message is written followed by a newline; each line of stdin is sent as one message.</source>
        <translation>把收到的数据拆分成消息，并给发送的数据加上同样的分帧。SPEC 为 none、line、crlf、delim:HEX、len:1、len:2be、len:2le、len:4be、len:4le 或 fixed:N，后面可跟选项：header（长度包含头部本身）、max=字节数（默认 1M）、resync 或 close（出现分帧错误时的处理；默认 resync）。每条收到的消息写出后跟一个换行；标准输入的每一行作为一条消息发送。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>the connection ended inside a message: its %n byte(s) so far are written as the last line</source>
        <translation>
            <numerusform>连接在一条消息中途结束：已收到的 %n 个字节作为最后一行写出</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>message %1: %2</source>
        <translation>第 %1 条消息：%2</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>a line of stdin was not sent: %1</source>
        <translation>标准输入的一行没有发送：%1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>line %1 of stdin was not sent: %2</source>
        <translation>标准输入的第 %1 行没有发送：%2</translation>
    </message>
    <message>
        <location filename="../../app/cli/chatoption.cpp" line="+13"/>
        <source>Be a chat room: every line a client sends goes to all the other clients as &quot;NAME: TEXT&quot; (NAME is its address, or with --nicknames its nickname), with &quot;*** NAME joined&quot; and &quot;*** NAME left&quot;; stdout shows the room.</source>
        <translation>作为聊天室：客户端发来的每一行都以“NAME: TEXT”的形式转发给其他所有客户端（NAME 是它的地址，带 --nicknames 时是它的昵称），并通知“*** NAME joined”（加入）和“*** NAME left”（离开）；标准输出显示聊天室的内容。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --chat: a client&apos;s first line is its nickname (at most %1 characters, no spaces, colons or control characters; one already taken is refused and the client may send another).</source>
        <translation>与 --chat 一起使用：客户端发来的第一行是它的昵称（最多 %1 个字符，不能含空格、冒号或控制字符；已被占用的昵称会被拒绝，客户端可以再发一个）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>With --chat the server is a chat room: the server itself relays every line (at most %1
bytes; a longer one is refused) to all the other clients, and a client that never reads is
disconnected once %2 MiB wait for it, so it cannot hold the room back. Stdout shows the
room as its members hear it, one line each; what is typed on stdin goes to every client
unchanged, but for a line that starts with / (a command for the room, below). Besides
plain lines a client may send /nick NAME, /me ACTION, /who, /msg NAME TEXT, /topic TEXT,
/quit and /help. The protocol is in docs/CHAT.md.</source>
        <translation>带 --chat 时服务器是一个聊天室：由服务器自己把每一行（最多 %1 字节，更长的行会被拒绝）
转发给其他所有客户端；从不读取的客户端在等待发给它的数据达到 %2 MiB 时被断开，
因此拖不住整个聊天室。标准输出按成员听到的样子逐行显示聊天室；在标准输入中键入的
内容原样发给每个客户端，以 / 开头的行除外（那是给聊天室的命令，见下文）。除普通的行外，
客户端还可以发送 /nick NAME、/me ACTION、/who、/msg NAME TEXT、/topic TEXT、/quit 和 /help。
协议见 docs/CHAT.md。</translation>
    </message>
    <message>
        <location line="+15"/>
        <location filename="../../app/cli/codecommand.cpp" line="-114"/>
        <source>--nicknames is a setting of the chat room: add --chat</source>
        <translation>--nicknames 是聊天室的设置：请加上 --chat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--chat relays each line to the other clients and --echo sends it back to its sender: choose one</source>
        <translation>--chat 把每一行转发给其他客户端，而 --echo 把它发回给发送者：请二选一</translation>
    </message>
    <message>
        <location filename="../../app/cli/rulesoptions.cpp" line="-2"/>
        <source>Auto-reply rules from this JSON file (docs/RULES.md): each received message is matched and answered by the worker, as fast as --echo.</source>
        <translation>从此 JSON 文件读取自动应答规则（docs/RULES.md）：每条收到的消息由工作线程匹配并应答，速度与 --echo 相同。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An auto-reply rule, MATCH=&gt;REPLY (repeatable, after the --rules file&apos;s): MATCH is exact:, contains:, starts:, ends:, regex: (captures as \1 or ${name} in REPLY) or hex: (?? for any byte); REPLY is text with escapes (\r\n, \xNN) and macros ({{counter}}, {{time}}, ...), or hex:... . Messages are lines unless --frame says otherwise.</source>
        <translation>一条自动应答规则，匹配=&gt;回复（可重复，排在 --rules 文件的规则之后）：匹配为 exact:、contains:、starts:、ends:、regex:（在回复中用 \1 或 ${name} 引用捕获组）或 hex:（?? 表示任意字节）；回复为带转义（\r\n、\xNN）和宏（{{counter}}、{{time}} 等）的文本，或 hex:…。除非 --frame 另有指定，消息按行划分。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>--rules: cannot read %1: %2</source>
        <translation>--rules：无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--rules: %1 is larger than %2 bytes</source>
        <translation>--rules：%1 超过 %2 字节</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>--rules/--reply (rules are counted file first): %1</source>
        <translation>--rules/--reply（规则先计文件中的）：%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>auto reply (rule %1) to %2 not sent: %3</source>
        <translation>自动应答（规则 %1）未发送给 %2：%3</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>… (%n byte(s) in all)</source>
        <translation>
            <numerusform>…（共 %n 字节）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>auto reply (rule %1) to %2: %3</source>
        <translation>自动应答（规则 %1）发给 %2：%3</translation>
    </message>
    <message>
        <location filename="../../app/cli/sequenceoption.cpp" line="-5"/>
        <source>A saved-messages file (JSON, as the window exports it; docs/SAVED.md) for --sequence.</source>
        <translation>用于 --sequence 的已存消息文件（JSON，与窗口导出的格式相同；见 docs/SAVED.md）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run this sequence of the --messages file instead of reading stdin: its messages are sent, its delays and reply waits kept; each message sent and each chunk received is printed as a line. A reply wait that times out ends the command with status 1.</source>
        <translation>运行 --messages 文件中的这个序列，而不读取标准输入：发送其中的消息，遵守其中的延时和等待回复；每条发出的消息和每段收到的数据各打印为一行。等待回复超时会使命令以状态 1 结束。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run the sequence this many times (0: until interrupted; default: as saved).</source>
        <translation>运行序列的次数（0：直到被中断；默认：按保存的设置）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--messages and --repeat go with --sequence NAME</source>
        <translation>--messages 和 --repeat 需要与 --sequence NAME 一起使用</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--sequence needs --messages FILE.json</source>
        <translation>--sequence 需要 --messages FILE.json</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--repeat: &quot;%1&quot; is not a number of times (0 or more)</source>
        <translation>--repeat：“%1”不是次数（0 或更大）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--sequence: there is no sequence &quot;%1&quot; in %2 (it has: %3)</source>
        <translation>--sequence：%2 中没有序列“%1”（其中有：%3）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>sent %1: %2</source>
        <translation>已发送 %1：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>sequence &quot;%1&quot; completed</source>
        <translation>序列“%1”已完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sequence &quot;%1&quot; failed: %2</source>
        <translation>序列“%1”失败：%2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>received: %1</source>
        <translation>已接收：%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>sequence &quot;%1&quot; did not finish: the connection closed at step %2</source>
        <translation>序列“%1”未完成：连接在第 %2 步时关闭</translation>
    </message>
    <message>
        <location filename="../../app/cli/labcommand.cpp" line="-12"/>
        <source>Runs a lab (an exercise of steps: connect, send, expect, …) against a student&apos;s program and
grades it. FILE is a lab file (docs/LABS.md) or the name of a built-in lab: %1.

For each step the report shows PASS or FAIL, what was sent, what came back, what was
expected and, when it failed, the lab&apos;s hint; hidden steps show only whether they passed.
The last line is the score. With --json the whole result is printed as one JSON object
instead (format &quot;socketeer-lab-result&quot;, every step in full, hidden ones included).

Exit status: 0 when every step passed, 1 when a step failed, 2 for a mistake on the
command line or in the lab file.</source>
        <translation>用实验（由 connect、send、expect 等步骤组成的练习）测试学生的程序并评分。FILE 是实验文件
（见 docs/LABS.md）或内置实验的名称：%1。

报告为每个步骤显示 PASS 或 FAIL、发送了什么、收到了什么、期望什么，失败时还显示实验给出的
提示；隐藏步骤只显示是否通过。最后一行是得分。使用 --json 时，整个结果改为输出一个 JSON 对象
（格式为 &quot;socketeer-lab-result&quot;，包含每个步骤的全部内容，隐藏步骤也包括在内）。

退出状态：所有步骤都通过时为 0，有步骤失败时为 1，命令行或实验文件有错误时为 2。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The only action: run a lab.</source>
        <translation>唯一的操作：运行实验。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The lab file, or a built-in lab&apos;s name.</source>
        <translation>实验文件，或内置实验的名称。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The student&apos;s server, instead of the lab&apos;s own host and port.</source>
        <translation>学生的服务器地址，代替实验文件中的主机和端口。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the result as JSON for a grading system.</source>
        <translation>以 JSON 格式输出结果，供评分系统使用。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the action is missing or unknown: socketeer lab run FILE (see socketeer lab --help)</source>
        <translation>缺少操作或操作未知：socketeer lab run FILE（参见 socketeer lab --help）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>give one lab file: socketeer lab run FILE</source>
        <translation>请给出一个实验文件：socketeer lab run FILE</translation>
    </message>
    <message>
        <location filename="../../app/main.cpp" line="+34"/>
        <source>--language: &quot;%1&quot; is not en or zh_CN</source>
        <translation>--language：&quot;%1&quot; 不是 en 或 zh_CN</translation>
    </message>
    <message>
        <location filename="../../app/cli/labcommand.cpp" line="+7"/>
        <source>--target: &quot;%1&quot; is not HOST:PORT</source>
        <translation>--target：&quot;%1&quot; 不是 主机:端口 的形式</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the lab names no port for the student&apos;s program: give --target HOST:PORT</source>
        <translation>实验文件没有给出学生程序的端口：请使用 --target 主机:端口</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>listening on %1 %2: start the program now</source>
        <translation>正在 %1 %2 上监听：现在启动程序</translation>
    </message>
    <message>
        <location filename="../../app/cli/traceoption.cpp" line="+16"/>
        <source>Record the socket calls made (as the window&apos;s timeline does; the newest 100,000) and write them at the end to this file, which the window opens (docs/TIMELINE.md).</source>
        <translation>记录所做的套接字调用（与窗口的时间线相同；保留最新的 100,000 个），并在结束时写入此文件，窗口可以打开它（见 docs/TIMELINE.md）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FILE.json</source>
        <translation>FILE.json</translation>
    </message>
    <message>
        <location filename="../../app/cli/inboxquery.cpp" line="-2"/>
        <source>The folder socketeer inbox stores messages in (default: the app&apos;s inbox, %1).</source>
        <translation>socketeer inbox 存放邮件的文件夹（默认：应用的收件箱，%1）。</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>&quot;%1&quot; is not a message id (they look like 20261204-091502-123-0001-a3f9)</source>
        <translation>“%1”不是邮件编号（编号形如 20261204-091502-123-0001-a3f9）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no message %1 in %2</source>
        <translation>%2 中没有邮件 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Lists the messages socketeer inbox stored, newest first: one line each (id, time received, From, Subject, separated by tabs), or with --json an array of objects. --search takes the Inbox panel&apos;s search: from:, to:, subject:, has:attachment, after:/before:YYYY-MM-DD, larger:/smaller:SIZE, free text, &quot;a phrase&quot;, -TERM to exclude.</source>
        <translation>列出 socketeer inbox 存下的邮件，最新的在前：每封一行（编号、收到时间、发件人、主题，以制表符分隔），或用 --json 输出一个对象数组。--search 使用与收件箱面板相同的搜索：from:、to:、subject:、has:attachment、after:/before:YYYY-MM-DD、larger:/smaller:大小、任意文字、&quot;短语&quot;，-条件 表示排除。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print a JSON array instead of lines.</source>
        <translation>输出 JSON 数组，而不是逐行文本。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the messages this search matches.</source>
        <translation>只列出与此搜索匹配的邮件。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../app/cli/inboxwait.cpp" line="+1"/>
        <source>query</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unexpected argument &quot;%1&quot; (see socketeer inbox list --help)</source>
        <translation>多余的参数“%1”（见 socketeer inbox list --help）</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Deletes a stored message (its ID.eml and ID.json), or with --all every message. Only in a folder socketeer inbox marked as its own (it holds %1), and only files named as the inbox names them: nothing else in the folder is touched.</source>
        <translation>删除一封已存的邮件（它的 ID.eml 和 ID.json），或用 --all 删除全部邮件。只在 socketeer inbox 标记为自己的文件夹中进行（其中有 %1），且只删除按收件箱命名方式命名的文件：文件夹里的其他东西一概不动。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete every message.</source>
        <translation>删除全部邮件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The message to delete.</source>
        <translation>要删除的邮件。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>give one message ID or --all (see socketeer inbox delete --help)</source>
        <translation>请给出一个邮件编号或 --all（见 socketeer inbox delete --help）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not a folder socketeer inbox made (it has no %2): nothing deleted</source>
        <translation>%1 不是 socketeer inbox 建立的文件夹（其中没有 %2）：未删除任何文件</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>deleted %n message(s)</source>
        <translation>
            <numerusform>已删除 %n 封邮件</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>deleted %1</source>
        <translation>已删除 %1</translation>
    </message>
    <message>
        <location filename="../../app/cli/inboxshow.cpp" line="-109"/>
        <source>%1 (the sender wrote %2)</source>
        <translation>%1（发件人写的是 %2）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Received</source>
        <translation>收到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> bytes, from %1)</source>
        <translation> 字节，来自 %1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nobody logged in</source>
        <translation>无人登录</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MIME parts (socketeer inbox save ID PART saves one):</source>
        <translation>MIME 部分（socketeer inbox save 编号 部分 可保存其中之一）：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Shows a stored message: its envelope (MAIL FROM, RCPT TO, TLS, AUTH), decoded headers, MIME parts with their numbers, and the text. With --json, one object (field names in the README).</source>
        <translation>显示一封已存的邮件：信封（MAIL FROM、RCPT TO、TLS、AUTH）、解码后的邮件头、带编号的 MIME 部分和正文。用 --json 时输出一个对象（字段名见 README）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print one JSON object.</source>
        <translation>输出一个 JSON 对象。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The id socketeer inbox printed when it stored the message.</source>
        <translation>socketeer inbox 存下邮件时打印的编号。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>give one message ID (see socketeer inbox show --help)</source>
        <translation>请给出一个邮件编号（见 socketeer inbox show --help）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Saves part PART of a stored message (its number in socketeer inbox show), decoded, or with --all every attachment, into --to (default: the current folder), and prints each file&apos;s path. The file is named after the attachment, made safe: only its last path component, no control or bidirectional characters, no leading dot. An existing file is never replaced: &quot;report.pdf&quot; becomes &quot;report (2).pdf&quot;, and so on.</source>
        <translation>把一封已存邮件的第 PART 部分（socketeer inbox show 中的编号）解码后保存，或用 --all 保存全部附件，存到 --to（默认：当前文件夹），并打印每个文件的路径。文件以附件名命名，并做安全处理：只取路径的最后一段，去掉控制字符和双向文字控制符，不以点开头。已有的文件绝不覆盖：&quot;report.pdf&quot; 会变成 &quot;report (2).pdf&quot;，依此类推。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save every attachment.</source>
        <translation>保存全部附件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder to save into (made if missing).</source>
        <translation>保存到的文件夹（不存在则创建）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The message.</source>
        <translation>邮件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The part&apos;s number, unless --all.</source>
        <translation>部分的编号（除非用 --all）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>give a message ID and a PART number, or an ID and --all (see socketeer inbox save --help)</source>
        <translation>请给出邮件编号和部分编号，或邮件编号和 --all（见 socketeer inbox save --help）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 has no part &quot;%2&quot; (it has %3; see socketeer inbox show)</source>
        <translation>%1 没有部分“%2”（它共有 %3 个；见 socketeer inbox show）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot create a file in %1</source>
        <translation>无法在 %1 中创建文件</translation>
    </message>
    <message>
        <location filename="../../app/cli/inboxwait.cpp" line="-10"/>
        <source>Waits until a message that matches is in the inbox, prints its id (or with --json its list entry) and exits 0; exits 1 when none came within --timeout. A message already there counts, the newest first, unless --new is given. Everything given must match: --from, --subject-contains and --search (the syntax of socketeer inbox list --search).</source>
        <translation>等到收件箱里有一封匹配的邮件，打印它的编号（用 --json 时打印它的列表项）并以 0 退出；在 --timeout 内没有等到则以 1 退出。已在收件箱中的邮件也算，最新的优先，除非给出 --new。给出的条件都必须满足：--from、--subject-contains 和 --search（语法同 socketeer inbox list --search）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Seconds to wait (default 30; 0: only look once).</source>
        <translation>等待的秒数（默认 30；0：只查看一次）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The From header or the envelope sender contains this.</source>
        <translation>发件人邮件头或信封发件人包含此文字。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The subject contains this (any case).</source>
        <translation>主题包含此文字（不区分大小写）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A search the message must match.</source>
        <translation>邮件必须匹配的搜索。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a message stored after the wait began.</source>
        <translation>只算开始等待之后存下的邮件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the message&apos;s list entry as JSON.</source>
        <translation>以 JSON 输出邮件的列表项。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unexpected argument &quot;%1&quot; (see socketeer inbox wait --help)</source>
        <translation>多余的参数“%1”（见 socketeer inbox wait --help）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--timeout: &quot;%1&quot; is not a number of seconds from 0 to 86400</source>
        <translation>--timeout：“%1”不是 0 到 86400 之间的秒数</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--%1 needs some text</source>
        <translation>--%1 需要一些文字</translation>
    </message>
    <message numerus="yes">
        <location line="+65"/>
        <source>no matching message in %1 within %n second(s)</source>
        <translation>
            <numerusform>%n 秒内 %1 中没有匹配的邮件</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no matching message in %1</source>
        <translation>%1 中没有匹配的邮件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>waiting for a message in %1</source>
        <translation>正在等待 %1 中的邮件</translation>
    </message>
    <message>
        <location filename="../../app/cli/receivedview.cpp" line="+14"/>
        <source>Write what is received as a hex-and-text dump, like socat -x: each chunk as it came off the socket is a header line &quot;&lt; length=N from=A to=B&quot; (its size and the offsets of its first and last byte in the stream) followed by lines &quot;OFFSET  16 bytes in hex  text&quot;.</source>
        <translation>把收到的数据写成十六进制加文本的转储，类似 socat -x：每个从套接字读到的数据块先是一行标头“&lt; length=N from=A to=B”（它的长度，以及它第一个和最后一个字节在数据流中的偏移），后面是若干行“偏移  16 个字节的十六进制  文本”。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Begin each line received (with --hex, each header) with the local time it arrived at, with its offset from UTC: 2026-12-05T17:43:54.123+08:00.</source>
        <translation>在收到的每一行（使用 --hex 时为每个标头）前面加上它到达时的本地时间及其与 UTC 的偏移：2026-12-05T17:43:54.123+08:00。</translation>
    </message>
    <message>
        <location filename="../../app/cli/chatcommands.cpp" line="+120"/>
        <source>A line typed on stdin that starts with / is a command for the room, not sent: /notice TEXT
(&quot;*** notice: TEXT&quot; to everyone), /topic TEXT (set it; /topic alone shows it, /topic - clears
it), /mute NAME, /unmute NAME, /kick NAME (removed from the room, its connection closed),
/who (the members, on stderr), /help. NAME is a nickname, an address name or #ID. //TEXT sends
the line /TEXT; every other line goes to every client unchanged.</source>
        <translation>在标准输入中键入的以 / 开头的行是给聊天室的命令，不会发出：/notice TEXT（向所有人发送
&quot;*** notice: TEXT&quot;）、/topic TEXT（设置主题；单独的 /topic 显示主题，/topic - 清除主题）、
/mute NAME、/unmute NAME、/kick NAME（移出聊天室并关闭其连接）、/who（在标准错误上列出成员）、
/help。NAME 是昵称、地址名或 #ID。//TEXT 发送 /TEXT 这一行；其他每一行都原样发给每个客户端。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 refused: %2</source>
        <translation>%1 被拒绝：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>usage: /notice TEXT</source>
        <translation>用法：/notice TEXT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no topic</source>
        <translation>没有主题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>topic: %1</source>
        <translation>主题：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>usage: %1 NAME</source>
        <translation>用法：%1 NAME</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no one in the room is called %1</source>
        <translation>聊天室里没有叫 %1 的人</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>since %1</source>
        <translation>自 %1 起</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>muted</source>
        <translation>已静音</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>in the room (%1): %2</source>
        <translation>聊天室中（%1）：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unknown command %1: /help lists them, //TEXT sends a line that starts with /</source>
        <translation>未知命令 %1：/help 列出所有命令，//TEXT 发送以 / 开头的一行</translation>
    </message>
    <message>
        <location filename="../../app/cli/roomscommand.cpp" line="-11"/>
        <source>Lists the chat rooms announced on the local network (socketeer serve --chat --announce NAME, or the server
panel&apos;s Announce), listening on UDP port %1 for IPv4 broadcast, the IPv4 group %2 and the IPv6
group %3. Each room is one line on stdout as soon as it is heard, with tab-separated columns:
NAME, HOST, PORT, the number of members in it, and &quot;tls&quot; or &quot;plain&quot;. Join it with
socketeer connect HOST PORT (add --tls for a TLS room). With --json each room is instead one JSON
object per line. After --timeout it exits: 0 if a room was found, 1 if none was.</source>
        <translation>列出本地网络上通告的聊天室（socketeer serve --chat --announce NAME，或服务器面板的“通告”），
在 UDP 端口 %1 上监听 IPv4 广播、IPv4 组播组 %2 和 IPv6 组播组 %3。每收到一个聊天室，
立即在标准输出打印一行，各列以制表符分隔：名称 NAME、主机 HOST、端口 PORT、其中的成员人数，
以及 &quot;tls&quot; 或 &quot;plain&quot;。用 socketeer connect HOST PORT 加入（TLS 聊天室加 --tls）。使用 --json 时，
每个聊天室改为一行 JSON 对象。--timeout 到期后退出：找到聊天室时为 0，一个也没找到时为 1。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Listen this many seconds (rooms announce themselves every %1 s).</source>
        <translation>监听这么多秒（聊天室每 %1 秒通告一次）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One JSON object per room: name, host, hosts, port, members, tls, id.</source>
        <translation>每个聊天室一个 JSON 对象：name、host、hosts、port、members、tls、id。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>rooms takes no arguments, only options: &quot;%1&quot;</source>
        <translation>rooms 不接受参数，只接受选项：“%1”</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--timeout: &quot;%1&quot; is not a number of seconds (more than 0, at most 86400)</source>
        <translation>--timeout：“%1”不是有效的秒数（大于 0，至多 86400）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>listening for rooms on UDP port %1 for %2 s</source>
        <translation>在 UDP 端口 %1 上寻找聊天室，持续 %2 秒</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>no room announced itself in %1 s</source>
        <translation>%1 秒内没有聊天室发出通告</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>ignored %n datagram(s) that were not a room&apos;s announcement</source>
        <translation>
            <numerusform>忽略了 %n 个不是聊天室通告的数据报</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>socketeer::Code</name>
    <message>
        <location filename="../../core/code/codegen.cpp" line="+28"/>
        <source>host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>certificate file</source>
        <translation>证书文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key file</source>
        <translation>私钥文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CA file</source>
        <translation>CA 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>target host</source>
        <translation>目标主机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>user</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sender</source>
        <translation>发件人</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+54"/>
        <source>subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>body</source>
        <translation>正文</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the %1 contains a NUL character, which no program can be given</source>
        <translation>%1 中含有 NUL 字符，无法写进任何程序</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the chat room is a TCP server</source>
        <translation>聊天室是一个 TCP 服务器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the chat room relays each line to the other clients and echo sends it back to its sender: choose one</source>
        <translation>聊天室把每一行转发给其他客户端，而回显把它发回给发送者：只能选一个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the chat room splits what clients send into lines itself: framing does not apply</source>
        <translation>聊天室自己把客户端发来的内容按行切分：分帧不适用</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>framing applies to TCP: a datagram or a mail is a message of its own</source>
        <translation>分帧只适用于 TCP：一个数据报或一封邮件本身就是一条消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS is generated for the TCP server and client and the inbox (a mail&apos;s security is its own setting)</source>
        <translation>TLS 代码只为 TCP 服务器、客户端和收件箱生成（邮件的加密方式由它自己的设置决定）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a TLS server needs a certificate file and a key file</source>
        <translation>TLS 服务器需要证书文件和私钥文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the inbox needs a folder to save the messages in</source>
        <translation>收件箱需要一个保存邮件的文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the inbox needs a largest message size and a time-out above zero</source>
        <translation>收件箱的邮件大小上限和超时时间都必须大于零</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a client needs the server&apos;s host</source>
        <translation>客户端需要服务器的主机名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a client needs the server&apos;s port, 1 to 65535</source>
        <translation>客户端需要服务器的端口（1 到 65535）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the target needs a port, 1 to 65535</source>
        <translation>目标需要一个端口（1 到 65535）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a mail needs a sender and at least one recipient</source>
        <translation>邮件需要发件人和至少一个收件人</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>logging in without encryption would send the password in clear: use starttls or tls</source>
        <translation>不加密就登录会以明文发送密码：请使用 starttls 或 tls</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is not the name of an environment variable</source>
        <translation>“%1”不是一个环境变量名</translation>
    </message>
</context>
<context>
    <name>socketeer::Encoding</name>
    <message>
        <location filename="../../core/text/encoding.cpp" line="+199"/>
        <source>the text contains a broken character at position %1</source>
        <translation>文本在第 %1 个位置有损坏的字符</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; (position %2) cannot be written in Latin-1</source>
        <translation>“%1”（第 %2 个位置）无法用 Latin-1 编码表示</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;%1&quot; (position %2) cannot be written in %3</source>
        <translation>“%1”（第 %2 个位置）无法用 %3 编码表示</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+25"/>
        <source>hex digit &quot;%1&quot; at position %2 has no partner: write bytes as two digits (0A, not A)</source>
        <translation>第 %2 个位置的十六进制数字“%1”缺少配对：每个字节要写成两位数字（写 0A，而不是 A）</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>&quot;%1&quot; at position %2 is not a hex digit</source>
        <translation>第 %2 个位置的“%1”不是十六进制数字</translation>
    </message>
</context>
<context>
    <name>socketeer::Error</name>
    <message>
        <location filename="../../core/net/error.cpp" line="+151"/>
        <source>Invalid input</source>
        <translation>输入无效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not resolve</source>
        <translation>无法解析</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Socket error</source>
        <translation>套接字错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not bind</source>
        <translation>无法绑定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not listen</source>
        <translation>无法监听</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not accept</source>
        <translation>无法接受连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not connect</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not send</source>
        <translation>无法发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not receive</source>
        <translation>无法接收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peer closed the connection</source>
        <translation>对端关闭了连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit reached</source>
        <translation>已达上限</translation>
    </message>
    <message>
        <location line="-118"/>
        <location line="+119"/>
        <source>Protocol error</source>
        <translation>协议错误</translation>
    </message>
    <message>
        <location line="-139"/>
        <source>Connection refused</source>
        <translation>连接被拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address already in use</source>
        <translation>地址已被使用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot assign requested address</source>
        <translation>无法指定被请求的地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection timed out</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network is unreachable</source>
        <translation>网络不可达</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No route to host</source>
        <translation>没有到主机的路由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network is down</source>
        <translation>网络已关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host is down</source>
        <translation>主机已关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection reset by peer</source>
        <translation>连接被对方重置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Software caused connection abort</source>
        <translation>软件导致连接中止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Broken pipe</source>
        <translation>断开的管道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transport endpoint is not connected</source>
        <translation>传输端点尚未连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transport endpoint is already connected</source>
        <translation>传输端点已连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot send after transport endpoint shutdown</source>
        <translation>传输端点关闭后无法发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destination address required</source>
        <translation>需要目标地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message too long</source>
        <translation>消息过长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No buffer space available</source>
        <translation>没有可用的缓冲区空间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address family not supported by protocol</source>
        <translation>协议不支持该地址族</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protocol not supported</source>
        <translation>不支持的协议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protocol not available</source>
        <translation>协议不可用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Operation not supported</source>
        <translation>不支持的操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Socket operation on non-socket</source>
        <translation>对非套接字进行套接字操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operation now in progress</source>
        <translation>操作正在进行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operation already in progress</source>
        <translation>操作已经在进行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resource temporarily unavailable</source>
        <translation>资源暂时不可用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interrupted system call</source>
        <translation>系统调用被中断</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bad file descriptor</source>
        <translation>错误的文件描述符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid argument</source>
        <translation>无效的参数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Permission denied</source>
        <translation>权限不够</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operation not permitted</source>
        <translation>不允许的操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No such file or directory</source>
        <translation>没有那个文件或目录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File exists</source>
        <translation>文件已存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Is a directory</source>
        <translation>是一个目录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a directory</source>
        <translation>不是目录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Directory not empty</source>
        <translation>目录非空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File name too long</source>
        <translation>文件名过长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many levels of symbolic links</source>
        <translation>符号链接的层数过多</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No space left on device</source>
        <translation>设备上没有空间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disk quota exceeded</source>
        <translation>超出磁盘限额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File too large</source>
        <translation>文件过大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read-only file system</source>
        <translation>只读文件系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input/output error</source>
        <translation>输入/输出错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many open files</source>
        <translation>打开的文件过多</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many open files in system</source>
        <translation>系统中打开的文件过多</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot allocate memory</source>
        <translation>无法分配内存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No such device</source>
        <translation>没有那个设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No such device or address</source>
        <translation>没有那个设备或地址</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name or service not known</source>
        <translation>未知的名称或服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Temporary failure in name resolution</source>
        <translation>域名解析暂时失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Non-recoverable failure in name resolution</source>
        <translation>域名解析出现无法恢复的失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No address associated with hostname</source>
        <translation>没有与主机名关联的地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address family for hostname not supported</source>
        <translation>不支持该主机名的地址族</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ai_family not supported</source>
        <translation>不支持该 ai_family</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ai_socktype not supported</source>
        <translation>不支持该 ai_socktype</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Servname not supported for ai_socktype</source>
        <translation>ai_socktype 不支持该服务名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory allocation failure</source>
        <translation>内存分配失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System error</source>
        <translation>系统错误</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>TLS error</source>
        <translation>TLS 错误</translation>
    </message>
</context>
<context>
    <name>socketeer::Framing</name>
    <message>
        <location filename="../../core/text/framing.cpp" line="+66"/>
        <source>no framing given: use one of %1</source>
        <translation>没有给出分帧方式：请使用 %1 之一</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot;: %2 takes no argument after &quot;:&quot;</source>
        <translation>“%1”：%2 的“:”后面不带参数</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;%1&quot;: give the delimiter in hex after &quot;delim:&quot;, e.g. delim:0d0a or delim:03</source>
        <translation>“%1”：请在“delim:”后面用十六进制给出分隔符，例如 delim:0d0a 或 delim:03</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot;: the delimiter is not hex: %2</source>
        <translation>“%1”：分隔符不是十六进制：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot;: a delimiter is 1 to %2 bytes</source>
        <translation>“%1”：分隔符应为 1 到 %2 个字节</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;%1&quot; is not a length field: use len:1, len:2be, len:2le, len:4be or len:4le</source>
        <translation>“%1”不是长度字段：请使用 len:1、len:2be、len:2le、len:4be 或 len:4le</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot;: the size must be a whole number of bytes from 1 to %2</source>
        <translation>“%1”：大小必须是 1 到 %2 之间的整数字节数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown framing &quot;%1&quot;: use one of %2</source>
        <translation>未知的分帧方式“%1”：请使用 %2 之一</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the option &quot;header&quot; applies to len: framing only</source>
        <translation>选项“header”只适用于 len: 分帧</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the option &quot;max=&quot; does not apply to %1 framing</source>
        <translation>选项“max=”不适用于 %1 分帧</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot;: the maximum must be a whole number of bytes from 1 to %2 (k and M suffixes allowed)</source>
        <translation>“%1”：最大值必须是 1 到 %2 之间的整数字节数（可用 k 和 M 后缀）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown framing option &quot;%1&quot;: use header, max=BYTES, resync or close</source>
        <translation>未知的分帧选项“%1”：请使用 header、max=字节数、resync 或 close</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>the connection should be closed</source>
        <translation>应关闭连接</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>skipped to the next message</source>
        <translation>已跳到下一条消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>framing error: no delimiter within %1 bytes (%2): %3</source>
        <translation>分帧错误：%1 字节内没有分隔符（%2）：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>framing error: the length %1 is shorter than its own %2-byte header (%3): %4</source>
        <translation>分帧错误：长度 %1 比它自己的 %2 字节头部还短（%3）：%4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>framing error: a message of %1 bytes is over the maximum of %2 (%3): %4</source>
        <translation>分帧错误：%1 字节的消息超过了最大值 %2（%3）：%4</translation>
    </message>
    <message>
        <location line="+161"/>
        <source>the message ends in CR, which a line reader strips</source>
        <translation>消息以 CR 结尾，按行读取时 CR 会被去掉</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the message contains the delimiter (%1), so the receiver would split it</source>
        <translation>消息中含有分隔符（%1），接收方会把它拆开</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a message of %1 bytes is too long for a %2-byte length field (%3)</source>
        <translation>%1 字节的消息对 %2 字节的长度字段来说太长（%3）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a message of %1 bytes does not fit fixed:%2 framing, which needs exactly %2</source>
        <translation>%1 字节的消息不符合 fixed:%2 分帧，它要求正好 %2 字节</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>its length header says %1 but the datagram of %2 bytes carries %3 (%4)</source>
        <translation>其长度头为 %1，但这个 %2 字节的数据报携带 %3 字节（%4）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the datagram of %1 bytes does not hold one whole message (%2)</source>
        <translation>这个 %1 字节的数据报不是一条完整的消息（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the datagram of %1 bytes holds more than one message (%2)</source>
        <translation>这个 %1 字节的数据报包含不止一条消息（%2）</translation>
    </message>
</context>
<context>
    <name>socketeer::Gui</name>
    <message>
        <location filename="../../app/gui/guimain.cpp" line="+37"/>
        <source>Without a command, Socketeer opens its window. With one, it runs on the command line:</source>
        <translation>不带命令时，Socketeer 打开窗口；带命令时，它在命令行中运行：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run &quot;socketeer COMMAND --help&quot; for a command&apos;s options.</source>
        <translation>运行“socketeer COMMAND --help”查看某个命令的选项。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Chat over TCP and UDP with native sockets, and watch what the sockets do.</source>
        <translation>用原生套接字通过 TCP 和 UDP 聊天，并观察套接字的每一步操作。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start with the TCP server listening on PORT (on loopback unless the panel says otherwise).</source>
        <translation>启动时让 TCP 服务器在 PORT 上监听（除非面板中另有设置，否则只监听回环地址）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start with a client connected to HOST:PORT (&quot;[::1]:PORT&quot; for IPv6).</source>
        <translation>启动时让一个客户端连接到 HOST:PORT（IPv6 写成“[::1]:PORT”）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start with the UDP panel bound to PORT.</source>
        <translation>启动时让 UDP 面板绑定到 PORT。</translation>
    </message>
    <message>
        <location filename="../../app/cli/cli.cpp" line="-3"/>
        <location filename="../../app/gui/guimain.cpp" line="+1"/>
        <source>Use this language: en or zh_CN (default: the system&apos;s).</source>
        <translation>使用指定的语言：en 或 zh_CN（默认跟随系统）。</translation>
    </message>
    <message>
        <location filename="../../app/gui/guimain.cpp" line="+1"/>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the version.</source>
        <translation>显示版本。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(see socketeer --help)</source>
        <translation>（参见 socketeer --help）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>unknown command &quot;%1&quot; (commands: %2; see socketeer --help)</source>
        <translation>未知的命令“%1”（可用的命令：%2；参见 socketeer --help）</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>the window&apos;s clients connect over TCP; use &quot;socketeer connect --unix&quot; for a local socket</source>
        <translation>窗口中的客户端通过 TCP 连接；本地套接字请使用“socketeer connect --unix”</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>--language: &quot;%1&quot; is not one of %2</source>
        <translation>--language：“%1”不是 %2 之一</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>socketeer: there is no display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so the window cannot open.
  On a headless machine, give it a virtual display:  xvfb-run -a socketeer
  Or use the command line, which needs no display:   socketeer --help</source>
        <translation>socketeer：这里没有显示器（DISPLAY 和 WAYLAND_DISPLAY 都未设置），因此无法打开窗口。
  在没有显示器的机器上，可以给它一个虚拟显示器：  xvfb-run -a socketeer
  或者使用不需要显示器的命令行：                  socketeer --help</translation>
    </message>
</context>
<context>
    <name>socketeer::Lab</name>
    <message>
        <location filename="../../core/lab/labreport.cpp" line="+22"/>
        <source> (the first %1 of %2 bytes)</source>
        <translation>（%2 字节中的前 %1 字节）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>PASS</source>
        <translation>通过</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FAIL</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1. hidden step: %2</source>
        <translation>%1. 隐藏步骤：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(%1/%2 points)</source>
        <translation>（%1/%2 分）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sent:     %1</source>
        <translation>发送：  %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expected: %1</source>
        <translation>期望：  %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>received: %1</source>
        <translation>收到：  %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>   (hex): %1</source>
        <translation> （十六进制）：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>problem:  %1</source>
        <translation>问题：  %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hint:     %1</source>
        <translation>提示：  %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Score: %1/%2 points, %3 of %4 steps passed</source>
        <translation>得分：%1/%2 分，%4 个步骤中通过了 %3 个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (stopped before the end)</source>
        <translation>（在结束前被停止）</translation>
    </message>
    <message>
        <location filename="../../core/lab/labrunner.cpp" line="+103"/>
        <source>exactly &quot;%1&quot;</source>
        <translation>恰好是 &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>containing &quot;%1&quot;</source>
        <translation>包含 &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>matching the regular expression %1</source>
        <translation>匹配正则表达式 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the bytes %1</source>
        <translation>字节 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>what was sent, echoed back: &quot;%1&quot;</source>
        <translation>发送的内容被原样发回：&quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>the run was stopped</source>
        <translation>运行已被停止</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no port to connect to: give --target HOST:PORT</source>
        <translation>没有要连接的端口：请使用 --target 主机:端口</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>could not send: %1</source>
        <translation>无法发送：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>could not send within %1 ms: the program does not read what it is sent</source>
        <translation>%1 毫秒内无法发送：程序没有读取发给它的数据</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>could not read %1</source>
        <translation>无法读取 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is larger than %2 MiB</source>
        <translation>%1 大于 %2 MiB</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+219"/>
        <location line="+112"/>
        <source>what came back is not what was expected</source>
        <translation>收到的内容与期望的不同</translation>
    </message>
    <message>
        <location line="-327"/>
        <location line="+217"/>
        <source>the program closed the connection without answering</source>
        <translation>程序没有回复就关闭了连接</translation>
    </message>
    <message>
        <location line="-216"/>
        <source>the program closed the connection before the expected answer came</source>
        <translation>在期望的回复到达之前，程序关闭了连接</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+214"/>
        <source>more than %1 bytes came without the expected answer</source>
        <translation>收到了超过 %1 字节，但没有期望的回复</translation>
    </message>
    <message>
        <location line="-205"/>
        <source>no answer within %1 ms</source>
        <translation>%1 毫秒内没有回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the expected answer did not come within %1 ms</source>
        <translation>期望的回复没有在 %1 毫秒内到达</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>not connected: connection &quot;%1&quot; was not opened (an earlier step failed)</source>
        <translation>未连接：连接 &quot;%1&quot; 没有打开（之前的步骤失败了）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>a TCP server accepting connections at %1:%2</source>
        <translation>在 %1:%2 接受连接的 TCP 服务器</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>could not connect within %1 ms</source>
        <translation>%1 毫秒内无法连接</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the program connects within %1 ms</source>
        <translation>程序在 %1 毫秒内发起连接</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>could not listen on %1: %2</source>
        <translation>无法在 %1 上监听：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no program connected to %1 within %2 ms</source>
        <translation>%2 毫秒内没有程序连接到 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>accept failed: %1</source>
        <translation>accept 失败：%1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>the program closes the connection within %1 ms</source>
        <translation>程序在 %1 毫秒内关闭连接</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the connection is still open after %1 ms</source>
        <translation>%1 毫秒后连接仍未关闭</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>more than %1 bytes came instead of the close</source>
        <translation>没有关闭连接，反而收到了超过 %1 字节</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>client %1 of %2 could not connect: %3</source>
        <translation>第 %1 个客户端（共 %2 个）无法连接：%3</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+70"/>
        <source>client %1 of %2: %3</source>
        <translation>第 %1 个客户端（共 %2 个）：%3</translation>
    </message>
    <message numerus="yes">
        <location line="-23"/>
        <source>%n of the %1 clients got no answer within %2 ms while all were connected</source>
        <translation>
            <numerusform>在所有客户端都保持连接时，%1 个客户端中有 %n 个在 %2 毫秒内没有得到回复</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+9"/>
        <source>all %1 clients answered, %2</source>
        <translation>全部 %1 个客户端都得到回复，%2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no port to send to: give --target HOST:PORT</source>
        <translation>没有要发送到的端口：请使用 --target 主机:端口</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>could not open a UDP socket to %1: %2</source>
        <translation>无法打开到 %1 的 UDP 套接字：%2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>no datagram within %1 ms</source>
        <translation>%1 毫秒内没有收到数据报</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>nothing listens at %1:%2 (the datagram was refused)</source>
        <translation>%1:%2 上没有程序在监听（数据报被拒绝）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>could not receive: %1</source>
        <translation>无法接收：%1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>the local inbox starts</source>
        <translation>本地收件箱启动</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>could not make a folder for the inbox: %1</source>
        <translation>无法为收件箱创建文件夹：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the inbox could not start</source>
        <translation>收件箱无法启动</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the inbox did not start within %1 ms</source>
        <translation>收件箱没有在 %1 毫秒内启动</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From: %1
To: %2
Subject: %3
Attachments: %4</source>
        <translation>发件人：%1
收件人：%2
主题：%3
附件：%4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 containing &quot;%2&quot;</source>
        <translation>%1 包含 &quot;%2&quot;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an attachment named &quot;%1&quot;</source>
        <translation>名为 &quot;%1&quot; 的附件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a message with %1</source>
        <translation>一封满足以下条件的邮件：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the inbox is not running (an earlier step failed)</source>
        <translation>收件箱没有运行（之前的步骤失败了）</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>no message came to the inbox within %1 ms</source>
        <translation>%1 毫秒内收件箱没有收到邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no message with all of it came within %1 ms</source>
        <translation>%1 毫秒内没有收到满足全部条件的邮件</translation>
    </message>
    <message>
        <location filename="../../core/lab/labspec.cpp" line="+41"/>
        <source>step %1, &quot;%2&quot;: %3</source>
        <translation>第 %1 步，&quot;%2&quot;：%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot;: %2</source>
        <translation>&quot;%1&quot;：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>line %1, column %2</source>
        <translation>第 %1 行第 %2 列</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>must be a string or an object {&quot;en&quot;: …, &quot;zh_CN&quot;: …}</source>
        <translation>必须是字符串或对象 {&quot;en&quot;: …, &quot;zh_CN&quot;: …}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; must be a string</source>
        <translation>&quot;%1&quot; 必须是字符串</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown language &quot;%1&quot; (known: en, zh_CN)</source>
        <translation>未知语言 &quot;%1&quot;（可用：en、zh_CN）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must give the text in &quot;en&quot; or &quot;zh_CN&quot;</source>
        <translation>必须在 &quot;en&quot; 或 &quot;zh_CN&quot; 中给出文本</translation>
    </message>
    <message>
        <location line="+59"/>
        <location line="+272"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="-272"/>
        <location line="+140"/>
        <location line="+44"/>
        <source>must be a string</source>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <location line="-181"/>
        <source>&quot;%1&quot; is not a step (known: %2)</source>
        <translation>&quot;%1&quot; 不是步骤类型（可用：%2）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not a field of a %1 step (known: %2)</source>
        <translation>不是 %1 步骤的字段（可用：%2）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>must be a whole number from 0 to %1</source>
        <translation>必须是 0 到 %1 之间的整数</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+144"/>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <location line="-136"/>
        <source>must be a name</source>
        <translation>必须是一个名称</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>must be a whole number of milliseconds from 1 to %1</source>
        <translation>必须是 1 到 %1 之间的整数毫秒数</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+256"/>
        <source>must be UTF-8, GBK, GB18030 or Latin-1</source>
        <translation>必须是 UTF-8、GBK、GB18030 或 Latin-1</translation>
    </message>
    <message>
        <location line="-249"/>
        <source>must be a port from 0 to 65535 (0: any free port)</source>
        <translation>必须是 0 到 65535 之间的端口（0：任一空闲端口）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>must be a whole number from 2 to %1</source>
        <translation>必须是 2 到 %1 之间的整数</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>must be an object of header names and the text each must contain</source>
        <translation>必须是一个对象：邮件头名称及其必须包含的文本</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; must be a header name with a string</source>
        <translation>&quot;%1&quot; 必须是邮件头名称，其值为字符串</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>must be a file name</source>
        <translation>必须是文件名</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>missing: what the message must have</source>
        <translation>缺失：邮件必须包含的内容</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>missing: what to send</source>
        <translation>缺失：要发送的内容</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+32"/>
        <source>give only one of them</source>
        <translation>只能给出其中一个</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>must name a file</source>
        <translation>必须指定一个文件</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>missing: what to expect</source>
        <translation>缺失：期望的内容</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>must be true (the reply is exactly what was sent)</source>
        <translation>必须是 true（回复与发送的内容完全相同）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not a valid regular expression: %1 at %2</source>
        <translation>不是有效的正则表达式：%1，位置 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>macros are not allowed in what is expected (only in what is sent)</source>
        <translation>期望的内容中不允许使用宏（只能在发送的内容中使用）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>longer than %1 bytes</source>
        <translation>超过 %1 字节</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>larger than %1 MiB: not a lab</source>
        <translation>大于 %1 MiB：不是实验文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not valid JSON at %1: %2</source>
        <translation>在 %1 处不是有效的 JSON：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not a Socketeer lab: the top level is not a JSON object</source>
        <translation>不是 Socketeer 实验文件：顶层不是 JSON 对象</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not a Socketeer lab: &quot;format&quot; is not &quot;%1&quot;</source>
        <translation>不是 Socketeer 实验文件：&quot;format&quot; 不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>lab version %1 is not supported (this Socketeer reads version 1)</source>
        <translation>不支持实验文件版本 %1（此版本的 Socketeer 读取版本 1）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown field (known: %1)</source>
        <translation>未知字段（可用：%1）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>must be an object such as {&quot;kind&quot;: &quot;tcpServer&quot;, &quot;port&quot;: 50007}</source>
        <translation>必须是对象，例如 {&quot;kind&quot;: &quot;tcpServer&quot;, &quot;port&quot;: 50007}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown field (known: kind, host, port)</source>
        <translation>未知字段（可用：kind、host、port）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must be tcpServer, tcpClient, udpServer or mailSender</source>
        <translation>必须是 tcpServer、tcpClient、udpServer 或 mailSender</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must be a host name or address</source>
        <translation>必须是主机名或地址</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>must be a port from 1 to 65535</source>
        <translation>必须是 1 到 65535 之间的端口</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>must be a list of at least one step</source>
        <translation>必须是至少包含一个步骤的列表</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>more than %1 steps</source>
        <translation>超过 %1 个步骤</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>each step is a JSON object</source>
        <translation>每个步骤都必须是 JSON 对象</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a %1 step does not suit a %2 target</source>
        <translation>%1 步骤不适用于 %2 类型的目标</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>an expectMail step needs an inbox step before it</source>
        <translation>expectMail 步骤之前必须有 inbox 步骤</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>more than %1 connections</source>
        <translation>超过 %1 个连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is not opened by an earlier connect or listen step</source>
        <translation>&quot;%1&quot; 没有被之前的 connect 或 listen 步骤打开</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is larger than %2 MiB: not a lab</source>
        <translation>%1 大于 %2 MiB：不是实验文件</translation>
    </message>
</context>
<context>
    <name>socketeer::Macros</name>
    <message>
        <location filename="../../core/text/macros.cpp" line="+37"/>
        <source>position %1: %2</source>
        <translation>第 %1 个字符：%2</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>hex digit &quot;%1&quot; has no partner: write bytes as two digits (0A, not A)</source>
        <translation>十六进制数字“%1”缺少另一位：每个字节写两位（0A，而不是 A）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;{{&quot; without a closing &quot;}}&quot;</source>
        <translation>“{{”没有对应的“}}”</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{{counter}} takes start=, step=, width= and name=, not &quot;%1&quot;</source>
        <translation>{{counter}} 只接受 start=、step=、width= 和 name=，不接受“%1”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{{counter}}: &quot;%1&quot; is not a valid value for %2</source>
        <translation>{{counter}}：“%1”不是 %2 的有效值</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{{%1:}} needs a format after the colon</source>
        <translation>{{%1:}} 的冒号后需要格式</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{{random:N}} needs a whole number N of 1 or more (a value below N is sent)</source>
        <translation>{{random:N}} 需要不小于 1 的整数 N（发送小于 N 的值）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{{file:PATH}} needs a path</source>
        <translation>{{file:PATH}} 需要路径</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown macro &quot;{{%1}}&quot; (known: counter, date, time, unixtime, random:N, hex:…, file:PATH)</source>
        <translation>未知的宏“{{%1}}”（已知：counter、date、time、unixtime、random:N、hex:…、file:PATH）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&quot;${&quot; without a closing &quot;}&quot;</source>
        <translation>“${”没有对应的“}”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;${}&quot; names no capture group</source>
        <translation>“${}”没有指明捕获组</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>there is no capture group %1</source>
        <translation>没有捕获组 %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>a lone &quot;\&quot; at the end (write \\ for a backslash)</source>
        <translation>末尾有单独的“\”（反斜杠请写作 \\）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>\x needs two hex digits (\x0A)</source>
        <translation>\x 后需要两位十六进制数字（\x0A）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>unknown escape &quot;\%1&quot; (known: \r \n \t \0 \xNN \\ \{ \$)</source>
        <translation>未知的转义“\%1”（已知：\r \n \t \0 \xNN \\ \{ \$）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;\%1&quot; is not hex</source>
        <translation>“\%1”不是十六进制</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&quot;%1&quot; is not a hex digit</source>
        <translation>“%1”不是十六进制数字</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>{{file:%1}}: not a regular file</source>
        <translation>{{file:%1}}：不是普通文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{{file:%1}}: cannot read it: %2</source>
        <translation>{{file:%1}}：无法读取：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{{file:%1}}: larger than %2 bytes, the most a message may insert</source>
        <translation>{{file:%1}}：超过 %2 字节，即一条消息最多可插入的大小</translation>
    </message>
</context>
<context>
    <name>socketeer::Mail</name>
    <message>
        <location filename="../../core/mail/mailaddress.cpp" line="+26"/>
        <source>%1: a line break (CR or LF) is not allowed here; it could inject a mail header or an SMTP command</source>
        <translation>%1：此处不允许换行（CR 或 LF），它可能注入邮件头或 SMTP 命令</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>%1: control character U+%2 is not allowed</source>
        <translation>%1：不允许控制字符 U+%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: the address is empty</source>
        <translation>%1：地址为空</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: &quot;%2&quot; contains a space or a control character</source>
        <translation>%1：“%2”包含空格或控制字符</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: &quot;%2&quot; has no @ (expected local@domain)</source>
        <translation>%1：“%2”中没有 @（应为 local@domain）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: &quot;%2&quot; has nothing before the @</source>
        <translation>%1：“%2”的 @ 前面没有内容</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the part before the @ in &quot;%2&quot; is longer than 64 bytes</source>
        <translation>%1：“%2”中 @ 前面的部分超过 64 字节</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: misplaced dot before the @ in &quot;%2&quot;</source>
        <translation>%1：“%2”中 @ 前面的点位置不对</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: &quot;%2&quot; may not appear before the @ in &quot;%3&quot;</source>
        <translation>%1：“%2”不能出现在“%3”的 @ 前面</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: &quot;%2&quot; has no domain after the @</source>
        <translation>%1：“%2”的 @ 后面没有域名</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: &quot;%2&quot; is not a valid address literal</source>
        <translation>%1：“%2”不是有效的地址字面量</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: the domain of &quot;%2&quot; is too long</source>
        <translation>%1：“%2”的域名太长</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: &quot;%2&quot; is not a valid domain</source>
        <translation>%1：“%2”不是有效的域名</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>address &quot;%1&quot;</source>
        <translation>地址“%1”</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the address is empty</source>
        <translation>地址为空</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+20"/>
        <location line="+3"/>
        <source>%1: unbalanced &lt; &gt;</source>
        <translation>%1：&lt; &gt; 不成对</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>%1: a name needs the address in &lt; &gt;, as in &quot;Name &lt;a@example.com&gt;&quot;</source>
        <translation>%1：带名字时地址要放在 &lt; &gt; 中，例如“Name &lt;a@example.com&gt;”</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+24"/>
        <source>%1: the quoted name is not closed</source>
        <translation>%1：引号中的名字没有闭合</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>%1: text after the quoted name</source>
        <translation>%1：引号中的名字后面还有多余文字</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: put a name with &quot; or &gt; in double quotes</source>
        <translation>%1：含有 &quot; 或 &gt; 的名字要放在双引号中</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1: &quot;%2&quot;: %3</source>
        <translation>%1：“%2”：%3</translation>
    </message>
    <message>
        <location filename="../../core/mail/mailmessage.cpp" line="+29"/>
        <source>attachment &quot;%1&quot;</source>
        <translation>附件“%1”</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is not a regular file</source>
        <translation>%1 不是普通文件</translation>
    </message>
    <message>
        <location line="+185"/>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cc</source>
        <translation>抄送</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bcc</source>
        <translation>密送</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the message has no recipient (To, Cc or Bcc)</source>
        <translation>邮件没有收件人（收件人、抄送或密送）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>an attachment could not be read</source>
        <translation>无法读取附件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>writing the message: %1</source>
        <translation>写入邮件：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+6"/>
        <source>writing the message to &quot;%1&quot;: %2</source>
        <translation>将邮件写入“%1”：%2</translation>
    </message>
</context>
<context>
    <name>socketeer::MailParser</name>
    <message>
        <location filename="../../core/mail/mailparser.cpp" line="+90"/>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <location line="+260"/>
        <source>no message could be read from it</source>
        <translation>从中读不出邮件</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>the message has no part %1 any more</source>
        <translation>邮件中已没有第 %1 部分</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <location line="+3"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>socketeer::MailSearch</name>
    <message>
        <location filename="../../core/mail/mailsearch.cpp" line="+69"/>
        <source>%1 needs something to look for after the colon</source>
        <translation>%1 的冒号后面需要要查找的内容</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: the only has: is has:attachment</source>
        <translation>%1：has: 只有 has:attachment 一种</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: a date is written YYYY-MM-DD, e.g. 2026-12-05</source>
        <translation>%1：日期写作 YYYY-MM-DD，例如 2026-12-05</translation>
    </message>
    <message>
        <location line="+87"/>
        <location line="+3"/>
        <source>a size is a number with an optional K, M or G, e.g. 10K or 2M</source>
        <translation>大小是一个数字，可带 K、M 或 G，例如 10K 或 2M</translation>
    </message>
</context>
<context>
    <name>socketeer::MailStore</name>
    <message>
        <location filename="../../core/mail/mailstore.cpp" line="+275"/>
        <source>cannot create the inbox folder %1</source>
        <translation>无法创建收件箱文件夹 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot use %1 as the inbox folder: it is not a folder</source>
        <translation>无法把 %1 用作收件箱文件夹：它不是文件夹</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 holds files that are not the inbox&apos;s: choose another folder</source>
        <translation>%1 里有不属于收件箱的文件：请选择其他文件夹</translation>
    </message>
    <message>
        <location line="+115"/>
        <location line="+5"/>
        <source>&quot;%1&quot; is not a message of this inbox</source>
        <translation>&quot;%1&quot; 不是这个收件箱里的邮件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot delete</source>
        <translation>无法删除</translation>
    </message>
    <message>
        <location line="-116"/>
        <location line="+174"/>
        <source>cannot create</source>
        <translation>无法创建</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+10"/>
        <source>no message is being stored</source>
        <translation>当前没有正在保存的邮件</translation>
    </message>
    <message>
        <location line="-20"/>
        <location line="+12"/>
        <location line="+13"/>
        <location line="+6"/>
        <source>cannot write</source>
        <translation>无法写入</translation>
    </message>
</context>
<context>
    <name>socketeer::Open</name>
    <message>
        <location filename="../../core/net/open.cpp" line="+92"/>
        <source>connecting to %1 (after %2 ms)</source>
        <translation>连接 %1（等待了 %2 毫秒）</translation>
    </message>
</context>
<context>
    <name>socketeer::Relay</name>
    <message>
        <location filename="../../core/relay/relay.cpp" line="+135"/>
        <source>delayed</source>
        <translation>延迟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>throttled</source>
        <translation>限速</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sliced</source>
        <translation>切片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stalled</source>
        <translation>停顿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>half-closed</source>
        <translation>半关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>limited</source>
        <translation>限量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>close held</source>
        <translation>延迟关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dropped</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>duplicated</source>
        <translation>重复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>corrupted</source>
        <translation>损坏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>truncated</source>
        <translation>截断</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reordered</source>
        <translation>乱序</translation>
    </message>
    <message>
        <location filename="../../core/relay/relayconnection.cpp" line="+89"/>
        <source>no address</source>
        <translation>没有地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+55"/>
        <source>the target could not be reached: %1</source>
        <translation>无法连接到目标：%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>reset by the relay after %1 ms</source>
        <translation>中继在 %1 毫秒后重置了连接</translation>
    </message>
    <message>
        <location line="+64"/>
        <location line="+70"/>
        <source>the client: %1</source>
        <translation>客户端：%1</translation>
    </message>
    <message>
        <location line="-70"/>
        <location line="+70"/>
        <source>the target: %1</source>
        <translation>目标：%1</translation>
    </message>
    <message numerus="yes">
        <location line="-26"/>
        <location line="+5"/>
        <location line="+77"/>
        <source>after %n byte(s)</source>
        <translation>
            <numerusform>在 %n 字节之后</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-76"/>
        <source>closed by the relay: the limit of %n byte(s) was reached</source>
        <translation>
            <numerusform>中继关闭了连接：已达到 %n 字节的上限</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+77"/>
        <source>reset by the relay after %n byte(s)</source>
        <translation>
            <numerusform>中继在 %n 字节之后重置了连接</numerusform>
        </translation>
    </message>
    <message>
        <location line="+63"/>
        <source>both sides closed</source>
        <translation>双方都已关闭</translation>
    </message>
    <message>
        <location filename="../../core/relay/relaypipe.cpp" line="+38"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message numerus="yes">
        <location line="+241"/>
        <source>%n piece(s) of 1 byte</source>
        <translation>
            <numerusform>%n 个片段，每个 1 字节</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n piece(s) of %1 bytes</source>
        <translation>
            <numerusform>%n 个片段，每个 %1 字节</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n piece(s) of %1 to %2 bytes</source>
        <translation>
            <numerusform>%n 个片段，每个 %1 到 %2 字节</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../core/relay/tcprelayengine.cpp" line="+245"/>
        <source>the relay stopped</source>
        <translation>中继已停止</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>closed by the relay&apos;s user</source>
        <translation>已由中继的使用者关闭</translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <source>refused: the relay already has its maximum of %n connection(s)</source>
        <translation>
            <numerusform>已拒绝：中继的连接数已达上限 %n 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>socketeer::RelaySpec</name>
    <message>
        <location filename="../../core/relay/impairmentspec.cpp" line="+41"/>
        <source>&quot;%1&quot; is not %2 (%3 to %4)</source>
        <translation>&quot;%1&quot; 不是%2（%3 到 %4）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 bytes is out of range (%2 to %3)</source>
        <translation>%1 字节超出范围（%2 到 %3）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a delay in milliseconds</source>
        <translation>以毫秒计的延迟</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&quot;%1&quot; is not a percentage from 0 to 100</source>
        <translation>&quot;%1&quot; 不是 0 到 100 之间的百分比</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>a value is missing</source>
        <translation>缺少值</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>too many fields: the form is %1</source>
        <translation>字段太多：格式是 %1</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>&quot;%1&quot; is not a direction: up, down or both</source>
        <translation>&quot;%1&quot; 不是方向：up、down 或 both</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>&quot;%1&quot; is not a size in bytes (1500, 64K, 1M)</source>
        <translation>&quot;%1&quot; 不是以字节计的大小（如 1500、64K、1M）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>latency and jitter together may be at most %1 ms</source>
        <translation>延迟与抖动之和最多为 %1 毫秒</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; is not a distribution: uniform or normal</source>
        <translation>&quot;%1&quot; 不是分布：uniform（均匀）或 normal（正态）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>a piece size in bytes</source>
        <translation>以字节计的切片大小</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a variation smaller than the piece</source>
        <translation>小于切片大小的变化量</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a delay in microseconds</source>
        <translation>以微秒计的延迟</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>a gap in datagrams</source>
        <translation>以数据报个数计的间隔</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; is not an impairment: %2</source>
        <translation>&quot;%1&quot; 不是网络损伤：%2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&quot;%1&quot; is not KEY=VALUE, e.g. latency=100</source>
        <translation>&quot;%1&quot; 不是 KEY=VALUE 形式，例如 latency=100</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>3G</source>
        <translation>3G</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bad Wi-Fi</source>
        <translation>信号差的 Wi-Fi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satellite</source>
        <translation>卫星链路</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lossy UDP 5 %</source>
        <translation>UDP 丢包 5%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1-byte slicer</source>
        <translation>1 字节切片</translation>
    </message>
</context>
<context>
    <name>socketeer::Rooms</name>
    <message>
        <location filename="../../core/rooms/roomannouncement.cpp" line="+133"/>
        <source>a room needs a name</source>
        <translation>聊天室需要一个名称</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a room&apos;s name has at most %1 characters</source>
        <translation>聊天室名称至多 %1 个字符</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a room&apos;s name cannot hold a control character or a line break</source>
        <translation>聊天室名称不能包含控制字符或换行</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a room&apos;s name cannot hold an invisible character (U+%1)</source>
        <translation>聊天室名称不能包含不可见字符（U+%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a room&apos;s name must be valid UTF-8</source>
        <translation>聊天室名称必须是有效的 UTF-8</translation>
    </message>
    <message>
        <location filename="../../core/rooms/roomannouncer.cpp" line="+54"/>
        <source>the room has no port yet</source>
        <translation>聊天室还没有端口</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>a room is announced when its server listens on an address (0.0.0.0, ::, or one of this machine&apos;s), not on the name &quot;%1&quot;</source>
        <translation>只有服务器监听在某个地址上（0.0.0.0、:: 或本机的某个地址）时才能通告聊天室，而不是名称“%1”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the room listens on %1, which only this machine can reach: listen on 0.0.0.0, :: or a network address to announce it</source>
        <translation>聊天室监听在 %1，只有本机能访问：要通告它，请监听 0.0.0.0、:: 或某个网络地址</translation>
    </message>
</context>
<context>
    <name>socketeer::SavedLibrary</name>
    <message>
        <location filename="../../core/saved/savedfile.cpp" line="+40"/>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is larger than %2 MiB: not a saved-messages file</source>
        <translation>%1 大于 %2 MiB：不是已存消息文件</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not create the folder of %1</source>
        <translation>无法创建 %1 所在的文件夹</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../core/saved/savedlibrary.cpp" line="+63"/>
        <source>a name is needed</source>
        <translation>需要名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the name is longer than %1 characters</source>
        <translation>名称超过 %1 个字符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the name is on more than one line</source>
        <translation>名称不能分多行</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>must be a number</source>
        <translation>必须是数字</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+322"/>
        <source>must be a whole number from %1 to %2</source>
        <translation>必须是 %1 到 %2 之间的整数</translation>
    </message>
    <message>
        <location line="-312"/>
        <location line="+115"/>
        <source>is missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>must be a string</source>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+81"/>
        <source>%1 must be an object</source>
        <translation>%1 必须是对象</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>&quot;%1&quot; is neither &quot;text&quot; nor &quot;hex&quot;</source>
        <translation>“%1”既不是“text”也不是“hex”</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&quot;%1&quot; is not one of &quot;send&quot;, &quot;delay&quot;, &quot;wait&quot;</source>
        <translation>“%1”不是“send”、“delay”、“wait”之一</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+235"/>
        <source>must be a list</source>
        <translation>必须是列表</translation>
    </message>
    <message>
        <location line="-216"/>
        <source>line %1, column %2</source>
        <translation>第 %1 行第 %2 列</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>a lone \ at the end (write \\ for a backslash)</source>
        <translation>末尾有单独的 \（反斜杠本身请写作 \\）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>\x at character %1 needs two hex digits (\x0A)</source>
        <translation>第 %1 个字符处的 \x 需要两位十六进制数字（如 \x0A）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;\%1&quot; at character %2 is not an escape (\n \r \t \0 \xNN, or \\ for a backslash)</source>
        <translation>第 %2 个字符处的“\%1”不是转义序列（可用 \n \r \t \0 \xNN，反斜杠本身请写作 \\）</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>a send step needs the name of a saved message</source>
        <translation>发送步骤需要一条已存消息的名称</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a delay must be from 0 to %1 ms</source>
        <translation>延时必须在 0 到 %1 毫秒之间</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a wait&apos;s timeout must be from 1 to %1 ms</source>
        <translation>等待的超时必须在 1 到 %1 毫秒之间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a wait needs a pattern to look for</source>
        <translation>等待步骤需要一个要查找的模式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the pattern is not a valid regular expression: %1 (at character %2)</source>
        <translation>该模式不是有效的正则表达式：%1（第 %2 个字符处）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>another message has this name already</source>
        <translation>已有另一条消息使用此名称</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>another sequence has this name already</source>
        <translation>已有另一个序列使用此名称</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>there is no saved message &quot;%1&quot;</source>
        <translation>没有名为“%1”的已存消息</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the file is larger than %1 MiB</source>
        <translation>文件大于 %1 MiB</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not valid JSON at %1: %2</source>
        <translation>%1 处不是有效的 JSON：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not a Socketeer saved-messages file: the top level is not a JSON object</source>
        <translation>不是 Socketeer 已存消息文件：顶层不是 JSON 对象</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not a Socketeer saved-messages file: &quot;format&quot; is not &quot;%1&quot;</source>
        <translation>不是 Socketeer 已存消息文件：&quot;format&quot; 不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the file is version %1, newer than this Socketeer reads (%2): update Socketeer to open it</source>
        <translation>文件版本为 %1，比本 Socketeer 能读取的版本（%2）更新：请升级 Socketeer 后再打开</translation>
    </message>
</context>
<context>
    <name>socketeer::SequenceRunner</name>
    <message>
        <location filename="../../core/saved/sequencerunner.cpp" line="+55"/>
        <source>Sequence &quot;%1&quot; is running already</source>
        <translation>序列“%1”已在运行</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no sequence &quot;%1&quot;</source>
        <translation>没有序列“%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sequence &quot;%1&quot; has no steps</source>
        <translation>序列“%1”没有任何步骤</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sequence &quot;%1&quot;, step %2: %3</source>
        <translation>序列“%1”，第 %2 步：%3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sequence &quot;%1&quot;, step %2: there is no saved message &quot;%3&quot;</source>
        <translation>序列“%1”，第 %2 步：没有名为“%3”的已存消息</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sequence &quot;%1&quot;, step %2: message &quot;%3&quot;: %4</source>
        <translation>序列“%1”，第 %2 步：消息“%3”：%4</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sequence &quot;%1&quot; would repeat without end doing nothing</source>
        <translation>序列“%1”会无休止地重复却什么也不做</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>it is gone</source>
        <translation>它已不存在</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Step %1: message &quot;%2&quot;: %3</source>
        <translation>第 %1 步：消息“%2”：%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Step %1: message &quot;%2&quot; could not be sent: %3</source>
        <translation>第 %1 步：消息“%2”无法发送：%3</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Step %1: no reply matching &quot;%2&quot; within %3 ms</source>
        <translation>第 %1 步：%3 毫秒内没有收到匹配“%2”的回复</translation>
    </message>
</context>
<context>
    <name>socketeer::Smtp</name>
    <message>
        <location filename="../../core/mail/smtpreply.cpp" line="+31"/>
        <source>SMTP: the server sent a malformed reply line &quot;%1&quot; (%2)</source>
        <translation>SMTP：服务器发来格式错误的应答行“%1”（%2）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>longer than %1 octets</source>
        <translation>超过 %1 字节</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it does not start with a three-digit code</source>
        <translation>它不是以三位数字代码开头</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not an SMTP reply code</source>
        <translation>%1 不是 SMTP 应答代码</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the code is followed by neither a space nor &quot;-&quot;</source>
        <translation>代码后面既不是空格也不是“-”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>it contains a control character</source>
        <translation>它包含控制字符</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>the code changed from %1 within one reply</source>
        <translation>同一应答中代码从 %1 变了</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>more than %1 lines in one reply</source>
        <translation>一个应答超过 %1 行</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>SMTP: an empty reply</source>
        <translation>SMTP：空应答</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the reply ended before its last line</source>
        <translation>应答在最后一行之前就结束了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the last line is marked as continued</source>
        <translation>最后一行被标记为还有后续</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>SMTP: the server announced SIZE with &quot;%1&quot;, which is not a number</source>
        <translation>SMTP：服务器声明的 SIZE 为“%1”，不是数字</translation>
    </message>
    <message>
        <location filename="../../core/mail/smtpsession.cpp" line="+55"/>
        <source>SMTP: a command may not contain a line break (CR or LF) or NUL; nothing was sent</source>
        <translation>SMTP：命令中不能含有换行（CR 或 LF）或 NUL；未发送任何内容</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>SMTP: the server refused %1 for now (try again later): %2</source>
        <translation>SMTP：服务器暂时拒绝了%1（请稍后重试）：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMTP: the server refused %1: %2</source>
        <translation>SMTP：服务器拒绝了%1：%2</translation>
    </message>
    <message>
        <location line="+88"/>
        <location line="+22"/>
        <source>SMTP: the server did not respond within %1 ms while %2</source>
        <translation>SMTP：%2时服务器在 %1 毫秒内没有响应</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+13"/>
        <location line="+276"/>
        <source>SMTP: sending was cancelled</source>
        <translation>SMTP：发送已取消</translation>
    </message>
    <message>
        <location line="-274"/>
        <location line="+26"/>
        <location line="+49"/>
        <location line="+15"/>
        <location line="+5"/>
        <source>SMTP: the server closed the connection while %1</source>
        <translation>SMTP：%1时服务器关闭了连接</translation>
    </message>
    <message>
        <location line="-68"/>
        <location line="+64"/>
        <source>SMTP: while %1</source>
        <translation>SMTP：%1时</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>sending %1</source>
        <translation>发送 %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>SMTP: the server ended a line with a bare LF instead of CRLF</source>
        <translation>SMTP：服务器用单独的 LF 而不是 CRLF 结束一行</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>SMTP: the server sent a line longer than %1 octets</source>
        <translation>SMTP：服务器发来的一行超过 %1 字节</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>waiting for the reply to QUIT</source>
        <translation>等待 QUIT 的应答</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>waiting for the reply to %1</source>
        <translation>等待 %1 的应答</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the end of AUTH XOAUTH2</source>
        <translation>AUTH XOAUTH2 的结束应答</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the user name of AUTH LOGIN</source>
        <translation>AUTH LOGIN 的用户名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the password of AUTH LOGIN</source>
        <translation>AUTH LOGIN 的密码</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>waiting for the server&apos;s greeting</source>
        <translation>等待服务器的问候</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="-136"/>
        <source>waiting for the reply to EHLO</source>
        <translation>等待 EHLO 的应答</translation>
    </message>
    <message>
        <location line="-296"/>
        <source>the server wants you to log in first: give a user and password</source>
        <translation>服务器要求先登录：请填写用户和密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server wants a stronger login: providers such as Gmail, QQ, 126 and 163 want an authorization code (app password), not the web password</source>
        <translation>服务器要求更安全的登录：Gmail、QQ、126、163 等服务商要的是授权码（应用专用密码），不是网页登录密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the server rejected the user or the authorization code</source>
        <translation>服务器拒绝了用户名或授权码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server wants an encrypted connection before you log in</source>
        <translation>服务器要求先加密连接再登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the message is too large for the server</source>
        <translation>邮件太大，服务器不接受</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>SMTP: while %1: %2</source>
        <translation>SMTP：%1时：%2</translation>
    </message>
    <message>
        <location line="+140"/>
        <source>starting TLS</source>
        <translation>开始 TLS 握手</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>SMTP: %1</source>
        <translation>SMTP：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>TLS established: %1</source>
        <translation>TLS 已建立：%1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>waiting for the reply to HELO</source>
        <translation>等待 HELO 的应答</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>our greeting (EHLO and HELO)</source>
        <translation>我们的问候（EHLO 和 HELO）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>our greeting (EHLO)</source>
        <translation>我们的问候（EHLO）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SMTP: refusing to send the password over an unencrypted connection to %1; choose STARTTLS or SSL/TLS (or allow an unencrypted login explicitly)</source>
        <translation>SMTP：拒绝在到 %1 的未加密连接上发送密码；请选择 STARTTLS 或 SSL/TLS（或明确允许未加密登录）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>SMTP: the user or password contains a control character; nothing was sent</source>
        <translation>SMTP：用户名或密码含有控制字符；什么都没有发送</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SMTP: the server offers no login method we know (it offers: %1)</source>
        <translation>SMTP：服务器没有提供我们支持的登录方法（它提供：%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMTP: the server does not offer AUTH %1 (it offers: %2)</source>
        <translation>SMTP：服务器不提供 AUTH %1（它提供：%2）</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>the login (AUTH %1) as %2</source>
        <translation>以 %2 登录（AUTH %1）</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>SMTP: the server does not offer STARTTLS, so the connection cannot be encrypted; nothing was sent (choose SSL/TLS, or another server)</source>
        <translation>SMTP：服务器不提供 STARTTLS，连接无法加密；什么都没有发送（请选择 SSL/TLS，或换一个服务器）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>waiting for the reply to STARTTLS</source>
        <translation>等待 STARTTLS 的应答</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>to start TLS (STARTTLS); nothing was sent</source>
        <translation>开始 TLS（STARTTLS）；什么都没有发送</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>SMTP: the server sent data before the TLS handshake (possible response injection); the connection was dropped and nothing was sent</source>
        <translation>SMTP：服务器在 TLS 握手之前发来了数据（可能是应答注入攻击）；已断开连接，什么都没有发送</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>SMTP: the server does not accept addresses with non-ASCII characters (it does not offer SMTPUTF8)</source>
        <translation>SMTP：服务器不接受含非 ASCII 字符的地址（它没有提供 SMTPUTF8）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>SMTP: the message is %1 bytes, more than the %2 bytes the server accepts (SIZE); nothing was sent</source>
        <translation>SMTP：邮件有 %1 字节，超过服务器接受的 %2 字节（SIZE）；未发送任何内容</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>waiting for the reply to MAIL FROM</source>
        <translation>等待 MAIL FROM 的应答</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the sender %1</source>
        <translation>发件人 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>waiting for the reply to RCPT TO</source>
        <translation>等待 RCPT TO 的应答</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the recipient %1</source>
        <translation>收件人 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>waiting for the reply to DATA</source>
        <translation>等待 DATA 的应答</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>to take the message (DATA)</source>
        <translation>接收邮件（DATA）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sending the message</source>
        <translation>发送邮件</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>(the message, %1 bytes)</source>
        <translation>（邮件，%1 字节）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>waiting for the server to accept the message</source>
        <translation>等待服务器接受邮件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the message</source>
        <translation>邮件</translation>
    </message>
</context>
<context>
    <name>socketeer::SmtpInbox</name>
    <message>
        <location filename="../../core/mail/smtpfailures.cpp" line="+29"/>
        <source>&quot;%1&quot; is not STAGE:CODE:PERCENT (for example RCPT:451:50)</source>
        <translation>“%1”不是 STAGE:CODE:PERCENT 格式（例如 RCPT:451:50）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;%1&quot;: the stage is AUTH, MAIL, RCPT or DATA, not &quot;%2&quot;</source>
        <translation>“%1”：阶段应为 AUTH、MAIL、RCPT 或 DATA，而不是“%2”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot;: the code is a failure reply from 400 to 599, not &quot;%2&quot;</source>
        <translation>“%1”：代码应为 400 到 599 之间的失败回复，而不是“%2”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot;: the percentage is a whole number from 0 to 100, not &quot;%2&quot;</source>
        <translation>“%1”：百分比应为 0 到 100 之间的整数，而不是“%2”</translation>
    </message>
    <message>
        <location filename="../../core/mail/smtpinboxauth.cpp" line="+48"/>
        <source>the AUTH users file %1 does not exist</source>
        <translation>AUTH 用户文件 %1 不存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the AUTH users file %1 is not a regular file</source>
        <translation>AUTH 用户文件 %1 不是普通文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <source>the AUTH users file %1 is larger than 1 MiB</source>
        <translation>AUTH 用户文件 %1 大于 1 MiB</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>cannot read the AUTH users file %1: %2</source>
        <translation>无法读取 AUTH 用户文件 %1：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the AUTH users file %1 is not UTF-8 text</source>
        <translation>AUTH 用户文件 %1 不是 UTF-8 文本</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1, line %2: expected user:password (no &apos;:&apos; found)</source>
        <translation>%1，第 %2 行：应为 user:password（没有找到“:”）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, line %2: the user name before &apos;:&apos; is empty</source>
        <translation>%1，第 %2 行：“:”前的用户名为空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, line %2: the password after &apos;:&apos; is empty</source>
        <translation>%1，第 %2 行：“:”后的密码为空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, line %2: control characters (such as tabs) are not allowed</source>
        <translation>%1，第 %2 行：不允许控制字符（例如制表符）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, line %2: the user %3 is listed twice</source>
        <translation>%1，第 %2 行：用户 %3 出现了两次</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the AUTH users file %1 lists no user (user:password lines)</source>
        <translation>AUTH 用户文件 %1 中没有任何用户（user:password 行）</translation>
    </message>
    <message>
        <location filename="../../core/mail/smtpreceiver.cpp" line="+202"/>
        <source>TLS is required, but STARTTLS cannot be offered without a certificate, so no message could ever arrive</source>
        <translation>要求使用 TLS，但没有证书就无法提供 STARTTLS，因此任何邮件都无法送达</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An implicit TLS port needs a certificate</source>
        <translation>隐式 TLS 端口需要证书</translation>
    </message>
</context>
<context>
    <name>socketeer::Socket</name>
    <message>
        <location filename="../../core/net/socket.cpp" line="+173"/>
        <source>connecting to %1 (after %2 ms)</source>
        <translation>连接 %1（等待了 %2 毫秒）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>0 (peer closed)</source>
        <translation>0（对端已关闭）</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>a datagram of %1 bytes to %2</source>
        <translation>发往 %2 的 %1 字节数据报</translation>
    </message>
</context>
<context>
    <name>socketeer::TcpClient</name>
    <message>
        <location filename="../../core/tcp/tcpclientengine.cpp" line="+102"/>
        <source>no port given for %1</source>
        <translation>没有为 %1 指定端口</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+16"/>
        <source>connection attempt cancelled</source>
        <translation>连接尝试已取消</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>certificate SHA-256 %1</source>
        <translation>证书 SHA-256 %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>TLS handshake with %1 failed: %2</source>
        <translation>与 %1 的 TLS 握手失败：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS handshake with %1 did not finish within %2 ms</source>
        <translation>与 %1 的 TLS 握手没有在 %2 毫秒内完成</translation>
    </message>
    <message>
        <location line="+51"/>
        <location line="+165"/>
        <source>closed by this side</source>
        <translation>由本端关闭</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>from %1</source>
        <translation>来自 %1</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>to %1</source>
        <translation>发往 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 bytes waiting to be sent to %2 (the limit is %3)</source>
        <translation>有 %1 字节等待发往 %2（上限为 %3）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>more than %1 bytes waiting to be sent: the peer is not reading</source>
        <translation>等待发送的数据超过 %1 字节：对端没有读取</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>the peer closed the connection</source>
        <translation>对端关闭了连接</translation>
    </message>
</context>
<context>
    <name>socketeer::TcpServer</name>
    <message>
        <location filename="../../core/tcp/serverconnection.cpp" line="+526"/>
        <source>server stopped</source>
        <translation>服务器已停止</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>disconnected by the server</source>
        <translation>被服务器断开</translation>
    </message>
    <message numerus="yes">
        <location line="-23"/>
        <source>the server already has its maximum of %n client(s)</source>
        <translation>
            <numerusform>服务器的客户端已达上限（%n 个）</numerusform>
        </translation>
    </message>
    <message>
        <location line="-398"/>
        <source>TLS handshake failed: %1</source>
        <translation>TLS 握手失败：%1</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>the client closed the connection</source>
        <translation>客户端关闭了连接</translation>
    </message>
    <message>
        <location line="+46"/>
        <location line="+91"/>
        <source>more than %1 bytes waiting to be sent: the client is not reading</source>
        <translation>等待发送的数据超过 %1 字节：客户端没有读取</translation>
    </message>
    <message numerus="yes">
        <location line="+119"/>
        <source>the TLS handshake did not finish within %n second(s)</source>
        <translation>
            <numerusform>TLS 握手没有在 %n 秒内完成</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>took no data for %n second(s): the client is not reading</source>
        <translation>
            <numerusform>%n 秒内没有收下任何数据：客户端没有在读取</numerusform>
        </translation>
    </message>
    <message>
        <location line="+73"/>
        <source>left the chat room (/quit)</source>
        <translation>已离开聊天室（/quit）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>removed from the chat room by the server</source>
        <translation>已被服务器移出聊天室</translation>
    </message>
</context>
<context>
    <name>socketeer::Tls</name>
    <message>
        <location filename="../../core/net/tlsstream.cpp" line="+139"/>
        <source>TLS is not available: Qt found no TLS library (%1)</source>
        <translation>TLS 不可用：Qt 没有找到 TLS 库（%1）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The CA file %1 could not be read or holds no PEM certificate</source>
        <translation>CA 文件 %1 无法读取，或其中没有 PEM 证书</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the server&apos;s certificate could not be verified (%1); nothing was sent over this connection</source>
        <translation>服务器的证书无法通过验证（%1）；没有通过这个连接发送任何内容</translation>
    </message>
    <message>
        <location filename="../../core/tls/devcert.cpp" line="+121"/>
        <source>cannot create %1: %2</source>
        <translation>无法创建 %1：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+9"/>
        <location line="+66"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>cannot create the folder %1: %2</source>
        <translation>无法创建文件夹 %1：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot make a development key: %1</source>
        <translation>无法生成开发用私钥：%1</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+6"/>
        <source>cannot make a development certificate: %1</source>
        <translation>无法生成开发用证书：%1</translation>
    </message>
    <message>
        <location filename="../../core/tls/tlscontext.cpp" line="+35"/>
        <source>no %1 file given</source>
        <translation>没有给出%1文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 file %2 does not exist</source>
        <translation>%1文件 %2 不存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 file %2 is not a regular file</source>
        <translation>%1文件 %2 不是普通文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot read %1 file %2: %3</source>
        <translation>无法读取%1文件 %2：%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 file %2 is empty</source>
        <translation>%1文件 %2 是空的</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key</source>
        <translation>私钥</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+50"/>
        <source>cannot set up TLS: %1</source>
        <translation>无法设置 TLS：%1</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>certificate file %1 holds no PEM certificate (&quot;-----BEGIN CERTIFICATE-----&quot;)</source>
        <translation>证书文件 %1 里没有 PEM 证书（“-----BEGIN CERTIFICATE-----”）</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+5"/>
        <source>certificate file %1: %2</source>
        <translation>证书文件 %1：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>key file %1 is encrypted with a pass phrase; give an unencrypted key</source>
        <translation>私钥文件 %1 用口令加密了；请给出未加密的私钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key file %1 holds no PEM private key (%2)</source>
        <translation>私钥文件 %1 里没有 PEM 私钥（%2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>key file %1 does not match the certificate in %2</source>
        <translation>私钥文件 %1 与 %2 中的证书不匹配</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>CA</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CA file %1 holds no usable PEM certificate: %2</source>
        <translation>CA 文件 %1 里没有可用的 PEM 证书：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ALPN protocol &quot;%1&quot; must be 1 to 255 characters</source>
        <translation>ALPN 协议“%1”的长度必须是 1 到 255 个字符</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot set the ALPN list: %1</source>
        <translation>无法设置 ALPN 列表：%1</translation>
    </message>
    <message>
        <location filename="../../core/tls/tlssession.cpp" line="+169"/>
        <location line="+14"/>
        <source>cannot start TLS: %1</source>
        <translation>无法开始 TLS：%1</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+13"/>
        <source>the peer closed the connection without TLS close_notify</source>
        <translation>对方没有发送 TLS close_notify 就关闭了连接</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 failed (SSL error %2)</source>
        <translation>%1 失败（SSL 错误 %2）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the server does not speak TLS (its first bytes are no TLS record: %1)</source>
        <translation>服务器不使用 TLS（它发来的开头字节不是 TLS 记录：%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the client does not speak TLS (its first bytes are no TLS record: %1)</source>
        <translation>客户端不使用 TLS（它发来的开头字节不是 TLS 记录：%1）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the peer closed the connection during the TLS handshake</source>
        <translation>对方在 TLS 握手期间关闭了连接</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the server&apos;s certificate was refused: %1 (SHA-256 %2)</source>
        <translation>服务器的证书被拒绝：%1（SHA-256 %2）</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>no certificate was presented</source>
        <translation>对方没有出示证书</translation>
    </message>
</context>
<context>
    <name>socketeer::TraceFile</name>
    <message>
        <location filename="../../core/net/tracefile.cpp" line="+43"/>
        <source>call %1, &quot;%2&quot;: %3</source>
        <translation>第 %1 个调用，“%2”：%3</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>the file is larger than %1 MiB</source>
        <translation>文件大于 %1 MiB</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not valid JSON at byte %1: %2</source>
        <translation>第 %1 字节处不是有效的 JSON：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not a Socketeer timeline: the top level is not a JSON object</source>
        <translation>不是 Socketeer 时间线：顶层不是 JSON 对象</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not a Socketeer timeline: &quot;format&quot; is not &quot;%1&quot;</source>
        <translation>不是 Socketeer 时间线：“format”不是“%1”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;formatVersion&quot; is not a whole number</source>
        <translation>“formatVersion”不是整数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file is of format version %1; this Socketeer reads up to %2: a newer Socketeer saved it</source>
        <translation>文件的格式版本为 %1；此 Socketeer 最高只能读取 %2：它是由较新的 Socketeer 保存的</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;appVersion&quot; is not a short text</source>
        <translation>“appVersion”不是一段简短的文本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;dropped&quot; is not a whole number of calls</source>
        <translation>“dropped”不是表示调用个数的整数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;eventCount&quot; is not a whole number of calls</source>
        <translation>“eventCount”不是表示调用个数的整数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file claims %1 calls; a timeline holds at most %2</source>
        <translation>文件声称有 %1 个调用；一条时间线最多容纳 %2 个</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;events&quot; is not a list</source>
        <translation>“events”不是列表</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;eventCount&quot; says %1 calls but the file has %2: it may have been cut short or edited</source>
        <translation>“eventCount”为 %1 个调用，但文件中有 %2 个：文件可能被截断或修改过</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>call %1 is not a JSON object</source>
        <translation>第 %1 个调用不是 JSON 对象</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not a whole number of microseconds</source>
        <translation>不是表示微秒数的整数</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+4"/>
        <location line="+2"/>
        <source>not a text of at most %1 characters</source>
        <translation>不是最多 %1 个字符的文本</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>not a text of 1 to %1 characters</source>
        <translation>不是 1 到 %1 个字符的文本</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not an errno (a whole number from 0 to 4095)</source>
        <translation>不是 errno（0 到 4095 之间的整数）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not a whole number</source>
        <translation>不是整数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not a whole number of bytes</source>
        <translation>不是表示字节数的整数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not hex of at most %1 bytes</source>
        <translation>不是最多 %1 字节的十六进制</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not hex (two digits a byte)</source>
        <translation>不是十六进制（每字节两位）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>more bytes than &quot;byteCount&quot; says the call moved</source>
        <translation>字节数多于“byteCount”所说的该调用传输的字节数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bytes without &quot;byteCount&quot;</source>
        <translation>有字节却没有“byteCount”</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not a timeline Socketeer can open: %2</source>
        <translation>%1 不是 Socketeer 能打开的时间线：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+3"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>socketeer::Udp</name>
    <message>
        <location filename="../../core/udp/udpendpoint.cpp" line="+74"/>
        <location line="+13"/>
        <source>to %1: the UDP endpoint is not open</source>
        <translation>发往 %1：UDP 端点未打开</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>a reply: no datagram has been received yet</source>
        <translation>无法回复：还没有收到任何数据报</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>SO_BROADCAST: the UDP endpoint is not open</source>
        <translation>SO_BROADCAST：UDP 端点未打开</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>joining group %1: the UDP endpoint is not open</source>
        <translation>加入组播组 %1：UDP 端点未打开</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>leaving group %1: the UDP endpoint is not open</source>
        <translation>离开组播组 %1：UDP 端点未打开</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>multicast out of %1: the UDP endpoint is not open</source>
        <translation>从 %1 发出组播：UDP 端点没有打开</translation>
    </message>
    <message>
        <location filename="../../core/udp/udpengine.cpp" line="+177"/>
        <source>UDP binds a host and port, not the socket path &quot;%1&quot;</source>
        <translation>UDP 绑定的是主机和端口，而不是套接字路径“%1”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a receive buffer of %1 bytes</source>
        <translation>%1 字节的接收缓冲区</translation>
    </message>
    <message numerus="yes">
        <location line="+77"/>
        <source>%n datagram(s) still waiting when the endpoint closed</source>
        <translation>
            <numerusform>端点关闭时仍有 %n 个数据报在等待发送</numerusform>
        </translation>
    </message>
    <message>
        <location line="+123"/>
        <source>UDP sends to a host and port, not to the socket path &quot;%1&quot;</source>
        <translation>UDP 只能发往主机和端口，不能发往套接字路径“%1”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: a datagram cannot be sent to port 0</source>
        <translation>%1：数据报不能发往 0 号端口</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 has no %2 address, and this endpoint is bound to %3</source>
        <translation>%1 没有 %2 地址，而此端点绑定在 %3 上</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>sending %1 bytes to %2: one UDP datagram over %3 carries at most %4 bytes</source>
        <translation>向 %2 发送 %1 字节：经 %3 传输的一个 UDP 数据报最多只能携带 %4 字节</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>sending %1 bytes to %2: the send queue is full (%3 datagrams wait)</source>
        <translation>向 %2 发送 %1 字节：发送队列已满（%3 个数据报在等待）</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>&quot;%1&quot; is not a multicast group address</source>
        <translation>“%1”不是组播组地址</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>joining group %1</source>
        <translation>加入组播组 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>leaving group %1</source>
        <translation>离开组播组 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 on %2</source>
        <translation>%1（接口 %2）</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+57"/>
        <source>%1: there is no network interface &quot;%2&quot;</source>
        <translation>%1：没有名为“%2”的网络接口</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>%1 is not a multicast address (224.0.0.0/4)</source>
        <translation>%1 不是组播地址（224.0.0.0/4）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the IPv6 group %1 needs an IPv6 endpoint (bind to :: or ::1)</source>
        <translation>IPv6 组播组 %1 需要 IPv6 端点（请绑定到 :: 或 ::1）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not a multicast address (ff00::/8)</source>
        <translation>%1 不是组播地址（ff00::/8）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>multicast out of %1</source>
        <translation>从 %1 发出组播</translation>
    </message>
</context>
<context>
    <name>socketeer::UdpRelay</name>
    <message>
        <location filename="../../core/relay/udpimpairer.cpp" line="+25"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>datagram of %n byte(s)</source>
        <translation>
            <numerusform>%n 字节的数据报</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>bit %1 of byte %2 flipped</source>
        <translation>第 %2 字节的第 %1 位被翻转</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 of %2 bytes kept</source>
        <translation>保留了 %2 字节中的 %1 字节</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>datagram of %n byte(s) sent twice</source>
        <translation>
            <numerusform>%n 字节的数据报被发送了两次</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>held back behind %n datagram(s)</source>
        <translation>
            <numerusform>被扣留到后面 %n 个数据报之后</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../core/relay/udprelayengine.cpp" line="+181"/>
        <source>a UDP relay listens on and forwards to a host and port, not a socket path</source>
        <translation>UDP 中继监听和转发的是主机和端口，而不是套接字路径</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: a datagram cannot be sent to port 0</source>
        <translation>%1：数据报不能发往端口 0</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>the relay stopped</source>
        <translation>中继已停止</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>closed by the user</source>
        <translation>被用户关闭</translation>
    </message>
    <message numerus="yes">
        <location line="+99"/>
        <source>datagrams from %1 are dropped: %n session(s) at most</source>
        <translation>
            <numerusform>来自 %1 的数据报被丢弃：最多 %n 个会话</numerusform>
        </translation>
    </message>
    <message>
        <location line="+63"/>
        <source>session %1: nothing listens on %2</source>
        <translation>会话 %1：%2 上没有程序在监听</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>session %1, towards %2</source>
        <translation>会话 %1，发往 %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>queue full (%1 bytes wait)</source>
        <translation>队列已满（%1 字节在等待）</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>the system&apos;s send buffer was full</source>
        <translation>系统的发送缓冲区已满</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>idle: nothing from the client for %1 ms</source>
        <translation>空闲：客户端 %1 毫秒内没有发来任何数据</translation>
    </message>
</context>
<context>
    <name>socketeer::cli::StdinReader</name>
    <message>
        <location filename="../../app/cli/stdinreader.cpp" line="+109"/>
        <source>reading standard input: %1</source>
        <translation>读取标准输入：%1</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::AttachmentList</name>
    <message>
        <location filename="../../ui/attachmentlist.cpp" line="+21"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Files sent with the mail; drop files here to add them</source>
        <translation>随邮件发送的文件；把文件拖到这里即可添加</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is a folder: attach the files in it, or a zip of it</source>
        <translation>%1 是文件夹：请添加其中的文件，或它的压缩包</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 does not exist</source>
        <translation>%1 不存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 cannot be read</source>
        <translation>%1 无法读取</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is gone or cannot be read: remove it or put it back</source>
        <translation>%1 已不存在或无法读取：请移除它，或把文件放回原处</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::AutoReplyFields</name>
    <message>
        <location filename="../../ui/autoreplyfields.cpp" line="+20"/>
        <source>Auto-re&amp;ply</source>
        <translation>自动回复(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>R&amp;ules…</source>
        <translation>规则(&amp;U)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+74"/>
        <source>Answer received messages by the rules, on the worker thread that reads them</source>
        <translation>按规则应答收到的消息，由读取它们的工作线程完成</translation>
    </message>
    <message>
        <location line="-70"/>
        <location line="+71"/>
        <source>Edit the rules that answer incoming messages by themselves</source>
        <translation>编辑自动回复收到消息的规则</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>One rule per line: when a message matches, the reply is sent by itself</source>
        <translation>每行一条规则：消息匹配时自动发送回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auto-reply rules</source>
        <translation>自动回复规则</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Auto-reply: %1</source>
        <translation>自动回复：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+17"/>
        <source>The rules are given to the worker when it starts: stop to change them.</source>
        <translation>规则在工作线程启动时交给它：要修改请先停止。</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Auto-reply: %n rule(s)</source>
        <translation>
            <numerusform>自动回复：%n 条规则</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no rules</source>
        <translation>没有规则</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>off (%n rule(s))</source>
        <translation>
            <numerusform>已关闭（%n 条规则）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>auto reply (rule %1) not sent: %2</source>
        <translation>自动回复（规则 %1）未发送：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>auto reply (rule %1)</source>
        <translation>自动回复（规则 %1）</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::CertificateDialog</name>
    <message>
        <location filename="../../ui/certificatedialog.cpp" line="+30"/>
        <source>Certificate not verified</source>
        <translation>证书未通过验证</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;The certificate of %1 could not be verified.&lt;/b&gt;&lt;br&gt;Nothing was sent. Someone may be impersonating the server — or it is a private server with its own certificate.</source>
        <translation>&lt;b&gt;%1 的证书无法通过验证。&lt;/b&gt;&lt;br&gt;什么都没有发送。可能有人在冒充这个服务器——也可能这是一个使用自己证书的私有服务器。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Issued to</source>
        <translation>颁发给</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued by</source>
        <translation>颁发者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid for</source>
        <translation>适用于</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+2"/>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust it only if you know this is your server&apos;s certificate (compare the fingerprint). The decision is remembered for this server and this certificate only.</source>
        <translation>只有确认这是你的服务器的证书时才信任它（请核对指纹）。这个决定只对这个服务器和这张证书有效，并会被记住。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Trust this certificate and send</source>
        <translation>信任此证书并发送(&amp;T)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Trust this certificate and connect</source>
        <translation>信任此证书并连接(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do &amp;not send</source>
        <translation>不发送(&amp;N)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Do &amp;not connect</source>
        <translation>不要连接(&amp;N)</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::ChatParticipants</name>
    <message>
        <location filename="../../ui/chatparticipants.cpp" line="+46"/>
        <source>local (client %1)</source>
        <translation>本地（客户端 %1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>muted</source>
        <translation>已静音</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Name</source>
        <translation>名字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In the room since</source>
        <translation>进入聊天室的时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Muted</source>
        <translation>静音</translation>
    </message>
    <message>
        <location line="+67"/>
        <location line="+43"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Set topi&amp;c</source>
        <translation>设置主题(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Broadcast notice</source>
        <translation>广播通知(&amp;B)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Chat room members</source>
        <translation>聊天室成员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who is in the chat room: name, address, since when, and whether the server muted them. Select members to mute or remove them; Delete removes them.</source>
        <translation>聊天室里有谁：名字、地址、进入的时间，以及是否被服务器静音。选中成员后可以将其静音或移除；按 Delete 键移除。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Mute the selected members: what they say is no longer relayed, and each is told once (&quot;*** you are muted by the server&quot;). They still hear the room. Again to let them speak.</source>
        <translation>将选中的成员静音：他们说的话不再被转发，每人会收到一次通知（&quot;*** you are muted by the server&quot;）。他们仍能听到聊天室。再按一次让他们恢复发言。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove the selected members from the room (Delete): each is told &quot;*** removed by the server&quot;, then its connection is closed; the others hear it was removed.</source>
        <translation>把选中的成员移出聊天室（Delete 键）：每人先收到 &quot;*** removed by the server&quot;，然后连接被关闭；其他人会得知其被移除。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Room topic</source>
        <translation>聊天室主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The room&apos;s topic, told to everyone now and to each newcomer (at most %1 bytes: %2 Chinese characters). Empty clears it.</source>
        <translation>聊天室的主题，现在告诉所有人，之后也告诉每个新加入的人（最多 %1 字节，即 %2 个汉字）。留空则清除主题。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No topic</source>
        <translation>没有主题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set the room&apos;s topic: everyone gets &quot;*** the server set the topic: TEXT&quot;</source>
        <translation>设置聊天室主题：每个人都会收到 &quot;*** the server set the topic: TEXT&quot;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notice to the room</source>
        <translation>发给聊天室的通知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A notice to every member: they get &quot;*** notice: TEXT&quot;, which no client can fake</source>
        <translation>发给每个成员的通知：他们收到 &quot;*** notice: TEXT&quot;，任何客户端都无法伪造这样的行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A notice for everyone</source>
        <translation>给所有人的通知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the notice to every member of the room</source>
        <translation>把通知发给聊天室的每个成员</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Muted %1</source>
        <translation>已将 %1 静音</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unmuted %1</source>
        <translation>已取消 %1 的静音</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Removed %1 from the room</source>
        <translation>已将 %1 移出聊天室</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Topic not set: it is longer than %1 bytes (%2 Chinese characters)</source>
        <translation>主题未设置：超过了 %1 字节（%2 个汉字）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Topic not set: the chat room is not running</source>
        <translation>主题未设置：聊天室没有在运行</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Topic cleared</source>
        <translation>主题已清除</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Topic set: %1</source>
        <translation>主题已设置：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Notice not sent: it is longer than %1 bytes</source>
        <translation>通知未发送：超过了 %1 字节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notice not sent: the chat room is not running</source>
        <translation>通知未发送：聊天室没有在运行</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Notice sent to the room: %1</source>
        <translation>已向聊天室发送通知：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Un&amp;mute</source>
        <translation>取消静音(&amp;M)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Mute</source>
        <translation>静音(&amp;M)</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>In the room (%n)</source>
        <translation>
            <numerusform>聊天室中（%n）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>socketeer::ui::ChatRoomFields</name>
    <message>
        <location filename="../../ui/chatroomfields.cpp" line="+21"/>
        <source>Cha&amp;t room</source>
        <translation>聊天室(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relay every line a client sends to all the other clients as &quot;NAME: TEXT&quot;, with &quot;*** NAME joined&quot; and &quot;*** NAME left&quot;. The server&apos;s own threads relay it; a client that does not read is disconnected rather than holding the room back. Chosen before Start: it cannot change while listening.</source>
        <translation>把客户端发来的每一行以“NAME: TEXT”的形式转发给其他所有客户端，并通知“*** NAME joined”（加入）和“*** NAME left”（离开）。由服务器自己的线程转发；不读取数据的客户端会被断开，而不会拖住整个聊天室。须在“开始”之前选定：监听期间不能更改。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Nicknames</source>
        <translation>昵称(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the chat room, each client&apos;s first line is its nickname (at most %1 characters, no spaces, colons or control characters; a name already taken is refused and the client may send another). Without it, clients are named by their address.</source>
        <translation>在聊天室中，每个客户端发来的第一行是它的昵称（最多 %1 个字符，不能含空格、冒号或控制字符；已被占用的昵称会被拒绝，客户端可以再发一个）。不选此项时，以客户端的地址作为名字。</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::ChatView</name>
    <message>
        <location filename="../../ui/chat/chatview.cpp" line="+58"/>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Find in the conversation</source>
        <translation>在对话中查找</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highlights every line that contains this text; Enter jumps to the next one</source>
        <translation>高亮所有包含此文本的行；按 Enter 跳到下一处</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Previous match</source>
        <translation>上一处匹配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jump to the previous line that contains the text</source>
        <translation>跳到上一个包含该文本的行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next match</source>
        <translation>下一处匹配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jump to the next line that contains the text</source>
        <translation>跳到下一个包含该文本的行</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the conversation as a UTF-8 text file, one line per message with its time</source>
        <translation>把对话保存为 UTF-8 文本文件，每条消息一行，带时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The conversation: your messages on the right, the others&apos; on the left. Text can be selected and copied.</source>
        <translation>对话：你的消息在右边，其他人的在左边。文字可以选中并复制。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter sends, Shift+Enter starts a new line (each line is sent as a line of its own); Up and Down recall what you sent. In a chat room: /nick NAME, /me ACTION, /who, /msg NAME TEXT, /topic TEXT, /quit, /help.</source>
        <translation>Enter 发送，Shift+Enter 换行（每一行作为单独的一行发送）；上下方向键调出发送过的内容。在聊天室中：/nick 昵称、/me 动作、/who、/msg 昵称 内容、/topic 主题、/quit、/help。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type a message</source>
        <translation>输入消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the message (Enter)</source>
        <translation>发送消息（Enter）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fi&amp;nd</source>
        <translation>查找(&amp;N)</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>connected to %1</source>
        <translation>已连接到 %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>disconnected: %1</source>
        <translation>已断开：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a line longer than %1 bytes arrived: not shown (the log has its bytes)</source>
        <translation>收到一行超过 %1 字节的内容：未显示（日志中有它的字节）</translation>
    </message>
    <message>
        <location line="+120"/>
        <location line="+5"/>
        <source>(private)</source>
        <translation>（私聊）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(mixed scripts: may imitate another name)</source>
        <translation>（混用了多种文字：可能在冒充别人的名字）</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not sent: the framing or check value refused it (the send box of the Log view says why)</source>
        <translation>未发送：分帧或校验值设置拒绝了它（原因见日志视图的发送框）</translation>
    </message>
    <message numerus="yes">
        <location line="+53"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 处匹配</numerusform>
        </translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Export the conversation</source>
        <translation>导出对话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Exported %n line(s) to %1</source>
        <translation>
            <numerusform>已将 %n 行导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not export to %1: %2</source>
        <translation>无法导出到 %1：%2</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::ChecksumFields</name>
    <message>
        <location filename="../../ui/checksumfields.cpp" line="+24"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Append this check value to every message sent</source>
        <translation>在发送的每条消息后附加这个校验值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Treat the last bytes of every message received as this check value and mark the bad ones</source>
        <translation>把收到的每条消息的最后几个字节当作这个校验值，并标出校验错误的消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>usual order</source>
        <translation>惯用字节序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>low byte first</source>
        <translation>低字节在前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>high byte first</source>
        <translation>高字节在前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Byte order of the check value: the usual one is low byte first for CRC-16/MODBUS and CRC-32, high byte first for the others</source>
        <translation>校验值的字节序：CRC-16/MODBUS 和 CRC-32 惯用低字节在前，其他算法惯用高字节在前</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check value range</source>
        <translation>校验范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>range: all</source>
        <translation>范围：全部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bytes the value covers, as START:END counted from 0 (negative: from the end); empty for the whole message. &quot;1:&quot; skips an address byte.</source>
        <translation>校验值覆盖的字节，写作 起始:结束，从 0 开始计数（负数从末尾算起）；留空表示整条消息。“1:” 跳过一个地址字节。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The check value of the message in the send box, as it would be appended</source>
        <translation>发送框中消息的校验值，即将附加的样子</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Check value: append</source>
        <translation>校验值：附加</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>verify</source>
        <translation>校验</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>%1 of the message: %2</source>
        <translation>消息的 %1：%2</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::ClientPanel</name>
    <message>
        <location filename="../../ui/clientpanel.cpp" line="+42"/>
        <source>&amp;TLS</source>
        <translation>&amp;TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+346"/>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <location line="-322"/>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>timeout </source>
        <translation>超时 </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Speak TLS: the server&apos;s certificate is verified against the system&apos;s trust store for the host name. One that is not can be looked at and trusted by its fingerprint.</source>
        <translation>使用 TLS：按主机名用系统的信任库验证服务器证书。未通过验证的证书可以查看，并按其指纹信任。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give up connecting after this long</source>
        <translation>连接超过这么长时间仍未成功就放弃</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tell the server you are done sending (shutdown(SHUT_WR)) and keep reading its answer</source>
        <translation>告诉服务器你已发送完毕（shutdown(SHUT_WR)），并继续读取它的回答</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+30"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>H&amp;alf-close</source>
        <translation>半关闭(&amp;A)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lo&amp;g</source>
        <translation>日志(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chat vie&amp;w</source>
        <translation>聊天视图(&amp;W)</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+29"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Connect timeout</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connect to the server, or disconnect</source>
        <translation>连接到服务器，或断开连接</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Show the message log: every message with its bytes, direction and time</source>
        <translation>显示消息日志：每条消息的字节、方向和时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the conversation as people read it: names, your messages on the right, notices, a history per room; works with any line-based peer</source>
        <translation>按人们阅读的方式显示对话：昵称、你的消息在右边、通知、每个聊天室的历史记录；适用于任何按行通信的对端</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>half-closed: sending is finished, still reading</source>
        <translation>已半关闭：发送已结束，仍在接收</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sending %1: %2 of %3 bytes read</source>
        <translation>正在发送 %1：已读取 %2 / %3 字节</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sent %1 (%2 bytes)</source>
        <translation>已发送 %1（%2 字节）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was not sent to the end: the connection ended</source>
        <translation>%1 没有发送完：连接已结束</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the server finished sending (end of stream)</source>
        <translation>服务器已发送完毕（数据流结束）</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Connected to %1 from %2</source>
        <translation>已连接到 %1，本地地址 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connected from %1</source>
        <translation>已连接，本地地址 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected to %1 from %2 over %3</source>
        <translation>已从 %2 连接到 %1，使用 %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connected from %1 over %2</source>
        <translation>已从 %1 连接，使用 %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Disconnected: %1</source>
        <translation>已断开：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disconnected: %1</source>
        <translation>已断开：%1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source> — nothing is listening on that port (is the server started?)</source>
        <translation> — 该端口上没有程序在监听（服务器启动了吗？）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — no answer in time (a firewall, or a server that does not accept)</source>
        <translation> — 没有及时得到应答（可能是防火墙，或服务器没有接受连接）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — there is no route to that address from here</source>
        <translation> — 从本机没有通往该地址的路由</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — check the host name</source>
        <translation> — 请检查主机名</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>trusted the certificate with SHA-256 %1 for %2</source>
        <translation>已为 %2 信任 SHA-256 为 %1 的证书</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>A file is still being sent</source>
        <translation>还有一个文件正在发送</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>sending %1 (%2 bytes)</source>
        <translation>正在发送 %1（%2 字节）</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Disconnect from %1 first to join another room</source>
        <translation>要加入另一个聊天室，请先断开与 %1 的连接</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Disconnect</source>
        <translation>断开(&amp;D)</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::CodeDock</name>
    <message>
        <location filename="../../ui/codedock.cpp" line="+68"/>
        <source>The language of the program shown: Python or C</source>
        <translation>所显示程序的语言：Python 或 C 语言</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Program</source>
        <translation>程序</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>This tab has no program to show: choose a server, client, UDP or inbox tab.</source>
        <translation>这个标签页没有对应的程序：请选择服务器、客户端、UDP 或收件箱标签页。</translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>Copied %n line(s) to the clipboard.</source>
        <translation>
            <numerusform>已将 %n 行复制到剪贴板。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save the program</source>
        <translation>保存程序</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lan&amp;guage:</source>
        <translation>语言(&amp;G)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the whole program to the clipboard</source>
        <translation>把整个程序复制到剪贴板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the program as a file you can run</source>
        <translation>把程序保存为可以运行的文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The program that does what this tab does. The line of the socket call made last is marked.</source>
        <translation>与这个标签页做同样事情的程序。最近一次套接字调用所在的行会被标出。</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::ComposeWindow</name>
    <message>
        <location filename="../../ui/composewindow.cpp" line="+72"/>
        <source>Compose mail — Socketeer</source>
        <translation>写邮件 — Socketeer</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>SMTP dialogue</source>
        <translation>SMTP 对话</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>What the client (C:) and the server (S:) say appears here when you send. Passwords are shown as ********.</source>
        <translation>发送时，客户端（C:）和服务器（S:）说的每一句都显示在这里。密码显示为 ********。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>C&amp;ode</source>
        <translation>代码(&amp;O)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show the program, in Python or C, that sends this mail (F7)</source>
        <translation>显示发送这封邮件的程序（Python 或 C 语言，F7）</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>smtp.example.com</source>
        <translation>smtp.example.com</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None (unencrypted)</source>
        <translation>无（不加密）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STARTTLS: plain connection upgraded to TLS (port 587). SSL/TLS: TLS from the first byte (port 465). None: only for servers on this machine or a lab network.</source>
        <translation>STARTTLS：明文连接再升级为 TLS（端口 587）。SSL/TLS：从第一个字节起就是 TLS（端口 465）。无：只用于本机或实验室网络中的服务器。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>usually your mail address; empty: no login</source>
        <translation>通常是你的邮箱地址；留空：不登录</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>password or authorization code</source>
        <translation>密码或授权码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept in memory while Socketeer runs, never written to disk.</source>
        <translation>Socketeer 运行期间只保存在内存中，绝不写入磁盘。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>XOAUTH2 (token)</source>
        <translation>XOAUTH2（令牌）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional: a PEM file of your private CA</source>
        <translation>可选：你的私有 CA 的 PEM 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CA certificates</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM 证书 (*.pem *.crt);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Allow login without encryption</source>
        <translation>允许不加密登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only for a lab server you trust: the password crosses the network readable by anyone on the way. Servers on this machine never need it.</source>
        <translation>只用于你信任的实验室服务器：密码会以明文穿过网络，沿途任何人都能读到。本机上的服务器不需要这个选项。</translation>
    </message>
    <message>
        <location line="-34"/>
        <location line="+39"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="-153"/>
        <source>Every SMTP command and reply of the last send, passwords hidden</source>
        <translation>上次发送的每条 SMTP 命令和应答，密码已隐藏</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Send the mail now</source>
        <translation>立即发送邮件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stop sending this mail</source>
        <translation>停止发送这封邮件</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>The mail account: the local inbox needs none</source>
        <translation>邮件账户：本地收件箱无需账户</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The mail server&apos;s port: 25 or 587 for STARTTLS, 465 for TLS</source>
        <translation>邮件服务器的端口：STARTTLS 用 25 或 587，TLS 用 465</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>How to log in to the mail server: the strongest both sides know, or one chosen</source>
        <translation>登录邮件服务器的方式：双方都支持的最强方式，或指定一种</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose a file of CA certificates to trust for this server</source>
        <translation>选择为此服务器信任的 CA 证书文件</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Security</source>
        <translation>加密</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CA file</source>
        <translation>CA 文件</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Message</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>王大锤 &lt;you@example.com&gt;</source>
        <translation>王大锤 &lt;you@example.com&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>one or more addresses, separated by commas</source>
        <translation>一个或多个地址，用逗号分隔</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>More recipients, who see each other</source>
        <translation>更多收件人，彼此可见</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blind copies: they receive the mail, but no one sees their addresses (no Bcc header is sent).</source>
        <translation>密送：他们会收到邮件，但没有人能看到他们的地址（不会发送 Bcc 头）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The subject line of the mail</source>
        <translation>邮件主题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The text of the mail</source>
        <translation>邮件正文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The message, as plain text (sent as UTF-8).</source>
        <translation>邮件正文，纯文本（以 UTF-8 发送）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+105"/>
        <location line="+33"/>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location line="-137"/>
        <location line="+104"/>
        <location line="+33"/>
        <source>Cc</source>
        <translation>抄送</translation>
    </message>
    <message>
        <location line="-136"/>
        <location line="+104"/>
        <location line="+32"/>
        <source>Bcc</source>
        <translation>密送</translation>
    </message>
    <message>
        <location line="-135"/>
        <location line="+115"/>
        <location line="+24"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="-130"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Drop files anywhere on this window to attach them.</source>
        <translation>把文件拖到这个窗口的任何地方即可添加为附件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Attach…</source>
        <translation>添加附件(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add files to the mail</source>
        <translation>向邮件添加文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the selected attachment</source>
        <translation>移除选中的附件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>No attachments</source>
        <translation>没有附件</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n file(s), %1</source>
        <translation>
            <numerusform>%n 个文件，%1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>From: give your address, such as 王大锤 &lt;you@example.com&gt;</source>
        <translation>发件人：请填写你的地址，例如 王大锤 &lt;you@example.com&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From: %1</source>
        <translation>发件人：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>To: add at least one recipient</source>
        <translation>收件人：至少添加一个收件人</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Attachment %1 is gone or cannot be read: remove it or put it back</source>
        <translation>附件 %1 已不存在或无法读取：请移除它，或把文件放回原处</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ready to send.</source>
        <translation>可以发送了。</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Password: give the password or authorization code for %1</source>
        <translation>密码：请填写 %1 的密码或授权码</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sending to %1…</source>
        <translation>正在发送到 %1…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sent: the local inbox took the message. Read it in the main window&apos;s Inbox tab.</source>
        <translation>已发送：本地收件箱收下了这封邮件。请在主窗口的“收件箱”标签页阅读。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent: %1 accepted the message.</source>
        <translation>已发送：%1 接受了这封邮件。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The local inbox is not running: start it in the main window&apos;s Inbox tab.</source>
        <translation>本地收件箱没有运行：请在主窗口的“收件箱”标签页启动它。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The draft could not be saved to %1: %2</source>
        <translation>草稿无法保存到 %1：%2</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Socketeer&apos;s own inbox on this computer, with STARTTLS and a login as its Inbox tab asks: type a user and password it accepts. The mail never leaves the machine.</source>
        <translation>Socketeer 在本机的收件箱，按其“收件箱”标签页的要求使用 STARTTLS 并登录：请输入它接受的用户名和密码。邮件不会离开本机。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Socketeer&apos;s own inbox on this computer, with STARTTLS as its Inbox tab asks; no login. The mail never leaves the machine.</source>
        <translation>Socketeer 在本机的收件箱，按其“收件箱”标签页的要求使用 STARTTLS；无需登录。邮件不会离开本机。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Socketeer&apos;s own inbox on this computer, with a login as its Inbox tab asks: type a user and password it accepts. The mail never leaves the machine.</source>
        <translation>Socketeer 在本机的收件箱，按其“收件箱”标签页的要求需要登录：请输入它接受的用户名和密码。邮件不会离开本机。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A mail is being sent</source>
        <translation>正在发送邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel sending and close? The draft is kept.</source>
        <translation>取消发送并关闭吗？草稿会保留。</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::FramingBar</name>
    <message numerus="yes">
        <location filename="../../ui/framingbar.cpp" line="+59"/>
        <source>framing changed: %n byte(s) of unfinished messages were dropped</source>
        <translation>
            <numerusform>分帧方式已更改：未完成消息的 %n 个字节被丢弃</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>incomplete: the connection ended inside this message</source>
        <translation>不完整：连接在这条消息中途结束</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Check value: %1</source>
        <translation>校验值：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Framing: %1</source>
        <translation>分帧：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not sent: the send box&apos;s line ending is already a delimiter; choose &quot;No line ending&quot;, the framing adds the delimiter</source>
        <translation>未发送：发送框的行尾已经是一个分隔符；请选择“不加行尾”，分帧会自动加上分隔符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::FramingFields</name>
    <message>
        <location filename="../../ui/framingfields.cpp" line="+23"/>
        <source>counts header</source>
        <translation>长度含头部</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>max</source>
        <translation>最大</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Frame what I send</source>
        <translation>发送时也分帧</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show raw chunks</source>
        <translation>显示原始数据块</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none (as received)</source>
        <translation>无（按接收原样）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lines (LF)</source>
        <translation>按行（LF）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lines (CRLF)</source>
        <translation>按行（CRLF）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>delimiter</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>length prefix</source>
        <translation>长度前缀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fixed size</source>
        <translation>固定长度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where one message ends: TCP is a stream, so one send() may arrive in two pieces and two sends in one. The log shows whole messages.</source>
        <translation>一条消息在哪里结束：TCP 是字节流，一次 send() 可能分两次到达，两次 send() 也可能一次到达。日志显示完整的消息。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Frame delimiter</source>
        <translation>帧分隔符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hex, e.g. 03 or 0D 0A</source>
        <translation>十六进制，如 03 或 0D 0A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bytes that end each message, in hex</source>
        <translation>每条消息末尾的字节（十六进制）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 byte</source>
        <translation>1 字节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2 bytes BE</source>
        <translation>2 字节 大端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2 bytes LE</source>
        <translation>2 字节 小端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>4 bytes BE</source>
        <translation>4 字节 大端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>4 bytes LE</source>
        <translation>4 字节 小端</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The length header before each message: its size and byte order (BE: network order)</source>
        <translation>每条消息前的长度头：其字节数和字节序（大端即网络字节序）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The length counts the header&apos;s own bytes too</source>
        <translation>长度值也包含长度头本身的字节</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every frame has exactly this many bytes</source>
        <translation>每帧恰好这么多字节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frame size</source>
        <translation>帧长度</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+5"/>
        <source> bytes</source>
        <translation> 字节</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Largest frame</source>
        <translation>最大帧长</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The longest message accepted; a longer one is a framing error</source>
        <translation>接受的最长消息；更长的视为分帧错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>on error: resync</source>
        <translation>出错时：重新同步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on error: close</source>
        <translation>出错时：关闭连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On a framing error, skip the bad message and go on, or close the connection</source>
        <translation>发生分帧错误时，跳过这条坏消息继续，或关闭连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the same framing to each message sent (a length before it, the delimiter after it)</source>
        <translation>给发送的每条消息加上同样的分帧（前面加长度，或后面加分隔符）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Beside the messages, show the pieces as they were read from the socket, with their sizes</source>
        <translation>在消息旁边显示从套接字读到的原始数据块及其大小</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Framing</source>
        <translation>分帧</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>the delimiter is not hex: %1</source>
        <translation>分隔符不是十六进制：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>give the delimiter in hex, e.g. 03 or 0D 0A</source>
        <translation>请用十六进制给出分隔符，如 03 或 0D 0A</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::HostEdit</name>
    <message>
        <location filename="../../ui/addressinputs.cpp" line="+59"/>
        <source>host name or address</source>
        <translation>主机名或地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A host name, an IPv4 address or an IPv6 address (brackets optional)</source>
        <translation>主机名、IPv4 地址或 IPv6 地址（方括号可加可不加）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Give the host to connect to, such as localhost or 127.0.0.1</source>
        <translation>请填写要连接的主机，例如 localhost 或 127.0.0.1</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::ImpairmentFields</name>
    <message>
        <location filename="../../ui/impairmentfields.cpp" line="+25"/>
        <source>Impairments as KEY=VALUE words; each value may end in @up (client to target), @down or @both.
latency=MS[:JITTER[:normal]]   bandwidth=BYTES_PER_S[:BURST]   (sizes take K and M)
TCP: slice=BYTES[:VARIATION[:DELAY_US]]  reset-after=BYTES|500ms|2s  half-close=BYTES  limit=BYTES
     stall=MS[:AFTER_BYTES]  slow-close=MS
UDP: drop=PCT  duplicate=PCT  corrupt=PCT  truncate=PCT  reorder=PCT[:GAP]</source>
        <translation>网络损伤写成 KEY=VALUE 词；每个值可以 @up（客户端到目标）、@down 或 @both 结尾。
latency=MS[:JITTER[:normal]]   bandwidth=BYTES_PER_S[:BURST]   （大小可带 K 和 M）
TCP：slice=BYTES[:VARIATION[:DELAY_US]]  reset-after=BYTES|500ms|2s  half-close=BYTES  limit=BYTES
     stall=MS[:AFTER_BYTES]  slow-close=MS
UDP：drop=PCT  duplicate=PCT  corrupt=PCT  truncate=PCT  reorder=PCT[:GAP]</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as profile…</source>
        <translation>另存为配置…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no impairment: latency=100:20 slice=1:0:20000 drop=5@up …</source>
        <translation>无损伤：latency=100:20 slice=1:0:20000 drop=5@up …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use these impairments from now on, on the connections already open too</source>
        <translation>从现在起使用这些损伤，已打开的连接也一样</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+15"/>
        <source>Impairments</source>
        <translation>网络损伤</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Impairments ready to use: 3G, bad Wi-Fi, satellite, lossy UDP, or your own</source>
        <translation>现成的网络损伤：3G、差的 Wi-Fi、卫星、丢包 UDP，或你自己的</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save these impairments as a profile under a name</source>
        <translation>把这些损伤以一个名字保存为配置</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Not applied to UDP datagrams: %1</source>
        <translation>不作用于 UDP 数据报：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not applied to TCP connections: %1</source>
        <translation>不作用于 TCP 连接：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save profile</source>
        <translation>保存配置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of the profile:</source>
        <translation>配置名称：</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::InboxModel</name>
    <message>
        <location filename="../../ui/inboxmodel.cpp" line="+35"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TLS, %1</source>
        <translation>TLS，%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Envelope: from &lt;%1&gt; to &lt;%2&gt;</source>
        <translation>信封：发件人 &lt;%1&gt;，收件人 &lt;%2&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Came under TLS.</source>
        <translation>通过 TLS 传来。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Came in plain text (no TLS).</source>
        <translation>以明文传来（无 TLS）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No login.</source>
        <translation>未登录。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Logged in as %1.</source>
        <translation>以 %1 登录。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>When the message arrived, in your time zone (%1). Point at a time for its offset from UTC.</source>
        <translation>邮件到达的时间，按您所在的时区（%1）显示。将鼠标指向某个时间可查看它与 UTC 的时差。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Login / TLS</source>
        <translation>登录 / TLS</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::InboxPanel</name>
    <message>
        <location filename="../../ui/inboxpanel.cpp" line="+59"/>
        <source>Require TLS before MAIL</source>
        <translation>MAIL 之前必须使用 TLS</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear all…</source>
        <translation>全部清空…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Inbox port</source>
        <translation>收件箱端口</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>any free</source>
        <translation>任意</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The port the local inbox listens on (0: any free port). Programs you test send mail here.</source>
        <translation>本地收件箱监听的端口（0：任一空闲端口）。你测试的程序把邮件发到这里。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No login</source>
        <translation>不需登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any login accepted</source>
        <translation>接受任何登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMTP AUTH (PLAIN and LOGIN) for testing a mail client&apos;s login: every user name and password is accepted, and the user is shown with each message. Offered only to programs on this computer. Takes effect at Start.</source>
        <translation>用于测试邮件客户端登录的 SMTP AUTH（PLAIN 和 LOGIN）：接受任何用户名和密码，并在每封邮件旁显示该用户。只对本机上的程序提供。点击“启动”后生效。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Failures to inject</source>
        <translation>要注入的故障</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. RCPT:451:50</source>
        <translation>例如 RCPT:451:50</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failure injection, for testing how a mail client handles errors: STAGE:CODE:PERCENT, several separated by spaces. At STAGE (AUTH, MAIL, RCPT or DATA) the inbox answers CODE (400 to 599) instead of the normal reply, PERCENT of the time. Takes effect at Start; empty: off.</source>
        <translation>故障注入，用于测试邮件客户端如何处理错误：STAGE:CODE:PERCENT，多条之间用空格分隔。在 STAGE（AUTH、MAIL、RCPT 或 DATA）阶段，收件箱以 PERCENT 的概率回复 CODE（400 到 599），代替正常回复。点击“启动”后生效；留空则关闭。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Answer MAIL with 530 until the client has said STARTTLS, as a server that insists on TLS does.</source>
        <translation>客户端发出 STARTTLS 之前，对 MAIL 回答 530，就像坚持使用 TLS 的服务器那样。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also listen on this port for implicit TLS (SMTPS, like port 465: the TLS handshake comes first). Off, or 0 for any free port.</source>
        <translation>同时在此端口监听隐式 TLS（SMTPS，与 465 端口相同：先进行 TLS 握手）。关闭，或填 0 使用任一空闲端口。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Start or stop receiving mail</source>
        <translation>开始或停止接收邮件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the selected messages from the inbox</source>
        <translation>从收件箱删除选中的邮件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete every message in the inbox</source>
        <translation>删除收件箱中的所有邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each message is a .eml file there: the Received: line the inbox adds, then the message exactly as it arrived. Its envelope is in a .json beside it.</source>
        <translation>每封邮件是其中的一个 .eml 文件：开头是收件箱加上的 Received: 行，其后是邮件收到时的原样内容。它的信封记录在旁边的 .json 中。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Search, e.g. from:alice has:attachment -invoice</source>
        <translation>搜索，例如 from:alice has:attachment -发票</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows only the messages that match every term:
  from:TEXT, to:TEXT, subject:TEXT: in that header (from: and to: also in the envelope)
  has:attachment
  after:YYYY-MM-DD, before:YYYY-MM-DD: received on or after / before that day (local time)
  larger:SIZE, smaller:SIZE: the message&apos;s size, e.g. 10K or 2M
  TEXT: in the subject, From, To or the envelope&apos;s addresses (not the body)
  &quot;two words&quot;: a phrase; -TERM: without what TERM matches
The same search as socketeer inbox list --search.</source>
        <translation>只显示满足所有条件的邮件：
  from:文字、to:文字、subject:文字：在该邮件头中（from: 和 to: 也查信封）
  has:attachment：有附件
  after:YYYY-MM-DD、before:YYYY-MM-DD：在该日当天及之后 / 该日之前收到（本地时间）
  larger:大小、smaller:大小：邮件的大小，例如 10K 或 2M
  文字：在主题、发件人、收件人或信封地址中（不查正文）
  &quot;两个词&quot;：短语；-条件：排除该条件匹配的邮件
与 socketeer inbox list --search 的搜索相同。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The mail received, newest first: select one to read it</source>
        <translation>收到的邮件，最新的在前：选中一封即可阅读</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Login</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fail on purpose</source>
        <translation>故意失败</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>TLS port</source>
        <translation>TLS 端口</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Fail on purpose: %1</source>
        <translation>故意失败：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Certificate SHA-256 fingerprint: %1</source>
        <translation>证书 SHA-256 指纹：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Starting the local inbox…</source>
        <translation>正在启动本地收件箱…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Receiving mail on %1 port %2 (SMTP, no login). Send to any address here: every message is kept, none is passed on.</source>
        <translation>正在 %1 端口 %2 接收邮件（SMTP，无需登录）。发往任何地址都可以：每封邮件都会保留，不会转发。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receiving mail on %1 port %2 (SMTP, any login accepted). Send to any address here: every message is kept, none is passed on.</source>
        <translation>正在 %1 的 %2 端口接收邮件（SMTP，接受任何登录）。可以发给这里的任何地址：每封邮件都会保存，不会转发。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Failures injected: %1</source>
        <translation>已注入故障：%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The local inbox is stopped: nothing receives mail. Messages already received stay below.</source>
        <translation>本地收件箱已停止：现在不接收邮件。已收到的邮件仍在下方。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Another program (perhaps another Socketeer) uses port %1: choose another port and press Start.</source>
        <translation>另一个程序（也许是另一个 Socketeer）占用了端口 %1：请换一个端口，再按“启动”。</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Save attachment</source>
        <translation>保存附件</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saving %1…</source>
        <translation>正在保存 %1…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Clear the inbox</source>
        <translation>清空收件箱</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Delete all %n message(s) of the local inbox? Their files are removed.</source>
        <translation>
            <numerusform>删除本地收件箱的全部 %n 封邮件？它们的文件会被删除。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>STARTTLS on port %1, TLS on port %2.</source>
        <translation>端口 %1 提供 STARTTLS，端口 %2 提供 TLS。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>STARTTLS on port %1.</source>
        <translation>端口 %1 提供 STARTTLS。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MAIL is refused until STARTTLS.</source>
        <translation>STARTTLS 之前拒绝 MAIL。</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::LabsDock</name>
    <message>
        <location filename="../../ui/labsdock.cpp" line="+41"/>
        <source>Connect to the student&apos;s server</source>
        <translation>连接到学生的服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait for the student&apos;s client</source>
        <translation>等待学生的客户端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expect a reply</source>
        <translation>等待回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expect the connection to close</source>
        <translation>等待连接关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the connection</source>
        <translation>关闭连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Several clients at once</source>
        <translation>多个客户端同时连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send a datagram</source>
        <translation>发送数据报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expect a datagram</source>
        <translation>等待数据报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the inbox</source>
        <translation>启动收件箱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expect a mail in the inbox</source>
        <translation>等待收件箱收到邮件</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The lab to run against the program under test</source>
        <translation>对被测程序运行的实验</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Port of the program under test</source>
        <translation>被测程序的端口</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The lab&apos;s steps, with the points each one earned</source>
        <translation>实验的步骤，以及每步所得的分数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab steps</source>
        <translation>实验步骤</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What the selected step sent, expected and received</source>
        <translation>选中步骤发送、期望和收到的内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step details</source>
        <translation>步骤详情</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Waiting for the student&apos;s client: connect it to %1 port %2.</source>
        <translation>正在等待学生的客户端：请让它连接到 %1 的端口 %2。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Stop the lab that is running first.</source>
        <translation>请先停止正在运行的实验。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not open the lab %1: %2</source>
        <translation>无法打开实验 %1：%2</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>hidden step</source>
        <translation>隐藏步骤</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Running step %1…</source>
        <translation>正在运行第 %1 步…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose a lab first.</source>
        <translation>请先选择一个实验。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Type the host the student&apos;s program runs on.</source>
        <translation>请输入学生程序所在的主机。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type the port the student&apos;s program listens on.</source>
        <translation>请输入学生程序监听的端口。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>A lab is already running.</source>
        <translation>已有实验正在运行。</translation>
    </message>
    <message>
        <location line="-56"/>
        <location line="+60"/>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Step %1 is next: Step runs it, Run runs the rest.</source>
        <translation>下一步是第 %1 步：“单步”运行它，“运行”运行剩下的步骤。</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Failed: %1</source>
        <translation>未通过：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>details hidden</source>
        <translation>详情已隐藏</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Every step passed.</source>
        <translation>所有步骤都已通过。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Some steps failed: select one to see why.</source>
        <translation>有步骤未通过：选中它查看原因。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not run yet.</source>
        <translation>尚未运行。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open a lab</source>
        <translation>打开实验</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Labs (*.json);;All files (*)</source>
        <translation>实验 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>S&amp;tep</source>
        <translation>单步(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the next step, then wait (the connections stay open)</source>
        <translation>运行下一步，然后等待（连接保持打开）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run every step at once, or the rest of the steps</source>
        <translation>一次运行所有步骤，或运行剩下的步骤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Labs</source>
        <translation>实验</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a lab file a teacher wrote (docs/LABS.md)</source>
        <translation>打开老师编写的实验文件（docs/LABS.md）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stop the run now</source>
        <translation>立即停止运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The socket calls of this run; selecting a step selects its first call</source>
        <translation>本次运行的套接字调用；选中一个步骤即选中它的第一个调用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Student&apos;s &amp;program:</source>
        <translation>学生程序(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The host the student&apos;s server runs on</source>
        <translation>学生服务器所在的主机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The port the student&apos;s server listens on</source>
        <translation>学生服务器监听的端口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What it checks</source>
        <translation>检查内容</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Points</source>
        <translation>分数</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::LocalAddressCombo</name>
    <message>
        <location filename="../../ui/addressinputs.cpp" line="+12"/>
        <source>The local address to listen on. Loopback (127.0.0.1) is reachable only from this machine; &quot;all interfaces&quot; opens the port to the network.</source>
        <translation>要监听的本地地址。回环地址（127.0.0.1）只有本机能访问；“所有接口”会把端口开放给网络。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>127.0.0.1 — this machine only (IPv4 loopback)</source>
        <translation>127.0.0.1 — 仅限本机（IPv4 回环）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>::1 — this machine only (IPv6 loopback)</source>
        <translation>::1 — 仅限本机（IPv6 回环）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>0.0.0.0 — all IPv4 interfaces</source>
        <translation>0.0.0.0 — 所有 IPv4 接口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>:: — all interfaces, IPv6 and IPv4</source>
        <translation>:: — 所有接口，IPv6 和 IPv4</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::MailDraft</name>
    <message>
        <location filename="../../ui/maildraft.cpp" line="+39"/>
        <source>Cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::MailPresets</name>
    <message>
        <location filename="../../ui/mailpresets.cpp" line="+22"/>
        <source>Local inbox — no account needed</source>
        <translation>本地收件箱——无需账号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>126.com</source>
        <translation>网易 126 邮箱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>163.com</source>
        <translation>网易 163 邮箱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QQ Mail</source>
        <translation>QQ 邮箱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gmail</source>
        <translation>Gmail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outlook.com</source>
        <translation>Outlook.com</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Other server</source>
        <translation>其他服务器</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Socketeer&apos;s own inbox on this computer: no login, and the mail never leaves the machine. Read what arrives in the Inbox tab.</source>
        <translation>Socketeer 自带的本机收件箱：无需登录，邮件不会离开这台电脑。在“收件箱”标签页查看收到的邮件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NetEase wants an authorization code, not your web password: turn on SMTP in the web mail&apos;s settings (POP3/SMTP/IMAP) and use the code it gives you as the password.</source>
        <translation>网易邮箱要的是授权码，不是网页登录密码：在网页邮箱的“设置 → POP3/SMTP/IMAP”中开启 SMTP 服务，把得到的授权码填作密码。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>QQ Mail wants an authorization code, not your QQ password: turn on the SMTP service in Settings → Account and use the code it gives you as the password.</source>
        <translation>QQ 邮箱要的是授权码，不是 QQ 密码：在“设置 → 账户”中开启 SMTP 服务，把得到的授权码填作密码。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gmail wants an app password (with 2-Step Verification on), not your Google password; or an OAuth 2 token with XOAUTH2.</source>
        <translation>Gmail 要的是应用专用密码（需开启两步验证），不是 Google 账号密码；也可以用 XOAUTH2 和 OAuth 2 令牌。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outlook.com takes only OAuth 2 (XOAUTH2): paste an access token as the password.</source>
        <translation>Outlook.com 只接受 OAuth 2（XOAUTH2）：把访问令牌粘贴到密码栏。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your provider&apos;s SMTP server. Most want TLS and a login; many want an authorization code or app password instead of the web password.</source>
        <translation>你的邮件服务商的 SMTP 服务器。大多数要求 TLS 和登录；很多要求用授权码或应用专用密码代替网页登录密码。</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="+54"/>
        <source>Socket calls</source>
        <translation>套接字调用</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Socketeer</source>
        <translation>Socketeer</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>TCP server</source>
        <translation>TCP 服务器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relay</source>
        <translation>转发器</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+266"/>
        <source>Inbox</source>
        <translation>收件箱</translation>
    </message>
    <message>
        <location line="-197"/>
        <source>TCP client %1</source>
        <translation>TCP 客户端 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New TCP &amp;client</source>
        <translation>新建 TCP 客户端(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Mail…</source>
        <translation>邮件(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Socket call &amp;timeline</source>
        <translation>套接字调用时间线(&amp;T)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sa&amp;ved messages</source>
        <translation>已存消息(&amp;V)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Code of this tab</source>
        <translation>本标签页的代码(&amp;C)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Labs</source>
        <translation>实验(&amp;L)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lar&amp;ger text (presentation)</source>
        <translation>放大文字（演示）(&amp;G)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;System language</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Ctrl+=</source>
        <translation>Ctrl+=</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Smaller text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Normal text size</source>
        <translation>正常文字大小(&amp;N)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Appearance</source>
        <translation>外观(&amp;A)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;System colours</source>
        <translation>系统配色(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Socketeer</source>
        <translation>关于 Socketeer(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About Socketeer</source>
        <translation>关于 Socketeer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Socketeer %1&lt;/h3&gt;&lt;p&gt;Chat over TCP and UDP sockets and send mail, with native sockets on worker threads.&lt;/p&gt;&lt;p&gt;Made for learning and teaching socket programming.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Socketeer %1&lt;/h3&gt;&lt;p&gt;通过 TCP 和 UDP 套接字聊天、发送邮件，套接字为原生套接字，运行在工作线程上。&lt;/p&gt;&lt;p&gt;为学习和讲授套接字编程而作。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Received %1 · Sent %2</source>
        <translation>已接收 %1 · 已发送 %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Change the language</source>
        <translation>切换语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switching the language now reopens the window and closes the open connections.</source>
        <translation>现在切换语言会重新打开窗口，并关闭已打开的连接。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switch &amp;now</source>
        <translation>立即切换(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At the next &amp;start</source>
        <translation>下次启动时(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The language changes the next time Socketeer starts.</source>
        <translation>语言将在下次启动 Socketeer 时切换。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Inbox (%1)</source>
        <translation>收件箱（%1）</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::MessageLogModel</name>
    <message numerus="yes">
        <location filename="../../ui/messagelogmodel.cpp" line="+117"/>
        <source> … (%n more byte(s))</source>
        <translation>
            <numerusform> …（还有 %n 字节）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>(%n byte(s))</source>
        <translation>
            <numerusform>（%n 字节）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <source>received</source>
        <translation>接收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sent</source>
        <translation>发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dir</source>
        <translation>方向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes</source>
        <translation>字节数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::MessageLogView</name>
    <message>
        <location filename="../../ui/messagelogview.cpp" line="+40"/>
        <location line="+303"/>
        <location line="+5"/>
        <source>Log to file</source>
        <translation>记录到文件</translation>
    </message>
    <message>
        <location line="-289"/>
        <source>Everything sent and received, newest last; filter it above, copy or save it from its menu</source>
        <translation>所有发送和接收的内容，最新的在最后；可在上方筛选，在菜单中复制或保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message log</source>
        <translation>消息日志</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show payloads as hex bytes instead of text (Ctrl+H)</source>
        <translation>以十六进制字节而不是文本显示数据（Ctrl+H）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How received and sent bytes are shown as text; bytes that do not decode appear as \xNN</source>
        <translation>收发的字节按哪种编码显示为文本；无法解码的字节显示为 \xNN</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter by text or peer…</source>
        <translation>按文本或对端筛选…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter the log</source>
        <translation>筛选日志</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Most messages kept in the log; counters stay exact whatever is dropped here</source>
        <translation>日志中最多保留的消息条数；无论这里丢弃多少，计数器始终准确</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lines kept in the log</source>
        <translation>日志保留的行数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the log</source>
        <translation>清空日志</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the log to a text file</source>
        <translation>把日志保存为文本文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+224"/>
        <source>Append every message, in full, to a file as it happens</source>
        <translation>实时把每条消息完整地追加到文件中</translation>
    </message>
    <message>
        <location line="-217"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location line="+187"/>
        <location line="+5"/>
        <source>Save log</source>
        <translation>保存日志</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Text files (*.txt *.log);;All files (*)</source>
        <translation>文本文件 (*.txt *.log);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not save the log to %1: %2</source>
        <translation>无法把日志保存到 %1：%2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Logging to %1</source>
        <translation>正在记录到 %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Log files (*.log *.txt);;All files (*)</source>
        <translation>日志文件 (*.log *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Logging to file stopped: %1</source>
        <translation>已停止记录到文件：%1</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::MessageView</name>
    <message>
        <location filename="../../ui/messageview.cpp" line="+63"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+21"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+21"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Content type</source>
        <translation>内容类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <location line="-26"/>
        <location line="+27"/>
        <location line="+22"/>
        <location line="+57"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="-85"/>
        <location line="+7"/>
        <source>MIME structure</source>
        <translation>MIME 结构</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>原文</translation>
    </message>
    <message>
        <location line="-33"/>
        <location line="+34"/>
        <source>SMTP dialogue</source>
        <translation>SMTP 对话</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>%1 (the sender wrote %2)</source>
        <translation>%1（发件人写的是 %2）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The text of the message</source>
        <translation>邮件正文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message text</source>
        <translation>邮件正文</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The message exactly as it was received</source>
        <translation>与收到时完全一致的邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message source</source>
        <translation>邮件源码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The SMTP conversation that delivered the message</source>
        <translation>投递这封邮件的 SMTP 会话</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The files that came with the message: select one to save it</source>
        <translation>随邮件而来的文件：选中一个即可保存</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save the selected attachment to a file</source>
        <translation>把选中的附件保存为文件</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The parts of the message as MIME nests them</source>
        <translation>按 MIME 嵌套显示的邮件各部分</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&lt;i&gt;Select a message to read it.&lt;/i&gt;</source>
        <translation>&lt;i&gt;选择一封邮件来阅读。&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;i&gt;Reading %1 (%2)…&lt;/i&gt;</source>
        <translation>&lt;i&gt;正在读取 %1（%2）…&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cc</source>
        <translation>抄送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Envelope</source>
        <translation>信封</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>from &lt;%1&gt; to &lt;%2&gt;</source>
        <translation>发件人 &lt;%1&gt;，收件人 &lt;%2&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS (%1, %2)</source>
        <translation>TLS（%1，%2）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>plain text (no TLS)</source>
        <translation>明文（无 TLS）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1, logged in as %2</source>
        <translation>%1，以 %2 登录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This message could not be read as MIME: %1</source>
        <translation>这封邮件无法按 MIME 解析：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(This message has no text part.)</source>
        <translation>（这封邮件没有文本部分。）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(unnamed)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Attachments (%1)</source>
        <translation>附件（%1）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>charset=%1</source>
        <translation>charset=%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>… (the first %1 of %2 shown)</source>
        <translation>…（只显示了 %2 中的前 %1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Received %1 from %2, who said EHLO/HELO %3</source>
        <translation>%1 收自 %2，对方的 EHLO/HELO 为 %3</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::PortEdit</name>
    <message>
        <location filename="../../ui/addressinputs.cpp" line="-81"/>
        <source>port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <source>0–65535; 0 lets the system choose a free port</source>
        <translation>0–65535；0 表示由系统选择一个空闲端口</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1–65535</source>
        <translation>1–65535</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Port 0 cannot be connected to: give the server&apos;s port (1–65535)</source>
        <translation>不能连接到 0 号端口：请填写服务器的端口（1–65535）</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::RawChunkView</name>
    <message>
        <location filename="../../ui/rawchunkview.cpp" line="+16"/>
        <source>Each recv() as it came: its bytes, size and time, before framing</source>
        <translation>每次 recv() 收到的原样内容：分帧之前的字节、大小和时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes as received</source>
        <translation>收到的原始字节</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Raw chunks, as read</source>
        <translation>原始数据块（按读取原样）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each row is what one read from the socket delivered (under load, several recv() calls in a row arrive as one). Compare where they end with where the messages end.</source>
        <translation>每一行是从套接字读取一次交来的数据（负载高时，连续几次 recv() 会合并为一行）。对比它们在哪里结束、消息在哪里结束。</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::RelayPanel</name>
    <message>
        <location filename="../../ui/relaypanel.cpp" line="+29"/>
        <location line="+175"/>
        <source>&amp;Start</source>
        <translation>启动(&amp;S)</translation>
    </message>
    <message>
        <location line="-167"/>
        <source>Relay listen port</source>
        <translation>转发器监听端口</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Target host</source>
        <translation>目标主机</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Target port</source>
        <translation>目标端口</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Relay TCP connections or UDP datagrams</source>
        <translation>转发 TCP 连接或 UDP 数据报</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start or stop the relay</source>
        <translation>启动或停止转发器</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Listen on</source>
        <translation>监听</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Forward to</source>
        <translation>转发到</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>session %1: %2 → %3</source>
        <translation>会话 %1：%2 → %3</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>connection %1: %2 → %3</source>
        <translation>连接 %1：%2 → %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>closed: %1</source>
        <translation>已关闭：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>session %1</source>
        <translation>会话 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>connection %1</source>
        <translation>连接 %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The impairments are not valid: see the line under them</source>
        <translation>网络损伤的写法有误：见其下方的说明</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>impairments off</source>
        <translation>已关闭网络损伤</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>impairments now: %1</source>
        <translation>现在的网络损伤：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Relaying %1 → %2: point the client at %1</source>
        <translation>正在转发 %1 → %2：让客户端连接 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>listening on %1, forwarding to %2%3</source>
        <translation>在 %1 上监听，转发到 %2%3</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, impaired: %1</source>
        <translation>，网络损伤：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>down</source>
        <translation>下行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>up</source>
        <translation>上行</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::RoomAnnounceFields</name>
    <message>
        <location filename="../../ui/roomannouncefields.cpp" line="+20"/>
        <source>Announce on the net&amp;work as</source>
        <translation>在网络上通告为(&amp;W)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every %1 seconds, tell the local network about this room (its name, port, TLS and how many are in it) by IPv4 broadcast and IPv6 multicast to UDP port %2, so clients list it under &quot;Rooms on this network&quot;. Needs the server to listen beyond loopback (0.0.0.0, :: or an address of this machine).</source>
        <translation>每 %1 秒通过 IPv4 广播和 IPv6 组播向 UDP 端口 %2 告诉本地网络这个聊天室的存在（名称、端口、TLS 和人数），让客户端在“本网络上的聊天室”中列出它。需要服务器监听回环以外的地址（0.0.0.0、:: 或本机的某个地址）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+4"/>
        <source>Room name</source>
        <translation>聊天室名称</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>The room&apos;s name in the lists of those who look for rooms: up to %1 characters, spaces and Chinese welcome</source>
        <translation>寻找聊天室的人在列表中看到的名称：至多 %1 个字符，可以有空格和中文</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Socketeer room</source>
        <translation>Socketeer 聊天室</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>announcing the room: %1</source>
        <translation>通告聊天室时：%1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the room is no longer announced</source>
        <translation>聊天室不再通告</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The room is not announced: %1</source>
        <translation>聊天室没有被通告：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>announcing the room as &quot;%1&quot; on the local network</source>
        <translation>正在本地网络上以“%1”为名通告聊天室</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::RoomsFoundList</name>
    <message>
        <location filename="../../ui/roomsfoundlist.cpp" line="+31"/>
        <source>Find roo&amp;ms</source>
        <translation>寻找聊天室(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Join</source>
        <translation>加入(&amp;J)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Listen for chat rooms announced on the local network (UDP port %1: IPv4 broadcast, the groups %2 and %3). A room is announced by a server started with Announce, or by socketeer serve --announce.</source>
        <translation>监听本地网络上通告的聊天室（UDP 端口 %1：IPv4 广播，组播组 %2 和 %3）。勾选“通告”启动的服务器，或 socketeer serve --announce，会通告聊天室。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connect to the selected room</source>
        <translation>连接到选中的聊天室</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Room</source>
        <translation>聊天室</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In the room</source>
        <translation>人数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+14"/>
        <source>Rooms on this network</source>
        <translation>本网络上的聊天室</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>The chat rooms heard announcing themselves: name, host, port, how many are in it, TLS or not. Enter or a double click joins the selected room.</source>
        <translation>收到通告的聊天室：名称、主机、端口、人数，是否使用 TLS。按 Enter 或双击加入选中的聊天室。</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>plain</source>
        <translation>明文</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%n room(s) found</source>
        <translation>
            <numerusform>找到 %n 个聊天室</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>listening for announcements…</source>
        <translation>正在监听通告……</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::RulesDialog</name>
    <message>
        <location filename="../../ui/rulesdialog.cpp" line="+45"/>
        <source>Auto-reply rules</source>
        <translation>自动回复规则</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Match</source>
        <translation>匹配</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pattern</source>
        <translation>模式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reply as</source>
        <translation>回复格式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delay</source>
        <translation>延迟</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To</source>
        <translation>发给</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fires</source>
        <translation>触发次数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text with escapes (\r \n \xNN), a regular expression, or hex bytes with ?? for any byte and * for any rest</source>
        <translation>带转义的文本（\r \n \xNN）、正则表达式，或十六进制字节（?? 表示任意一个字节，* 表示其余任意内容）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text with escapes and macros ({{counter}}, {{time}}…); after a regular expression \1 or ${name} insert its groups</source>
        <translation>带转义和宏的文本（{{counter}}、{{time}}…）；正则表达式规则中 \1 或 ${name} 插入其捕获组</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>First matching rule answers</source>
        <translation>由第一条匹配的规则应答</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every matching rule answers</source>
        <translation>每条匹配的规则都应答</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try a message: which rule fires and what it replies</source>
        <translation>试一条消息：哪条规则触发、回复什么</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>exact</source>
        <translation>完全相同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>starts with</source>
        <translation>开头是</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ends with</source>
        <translation>结尾是</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>regex</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <source>hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>sender</source>
        <translation>发送者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all clients</source>
        <translation>所有客户端</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>always</source>
        <translation>每次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at most </source>
        <translation>最多 </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>always, once (1) or at most N times, counted from the start</source>
        <translation>每次、一次（1）或最多 N 次，从启动时开始计数</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>A rule is invalid: %1</source>
        <translation>有规则无效：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The rules cannot be tried until they are valid.</source>
        <translation>规则全部有效后才能试用。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No rule matches: nothing is sent.</source>
        <translation>没有规则匹配：不发送任何内容。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rule %1 matches but its reply cannot be built: %2</source>
        <translation>规则 %1 匹配，但无法生成其回复：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rule %1 replies: %2</source>
        <translation>规则 %1 回复：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Import rules</source>
        <translation>导入规则</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+7"/>
        <source>Rules (*.json);;All files (*)</source>
        <translation>规则 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export rules</source>
        <translation>导出规则</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::SavedMessageDialog</name>
    <message>
        <location filename="../../ui/savedmessagedialog.cpp" line="+30"/>
        <source>Save message</source>
        <translation>保存消息</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit saved message</source>
        <translation>编辑已存消息</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Folder/Subfolder (optional)</source>
        <translation>文件夹/子文件夹（可选）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Text: \n \r \t \0 \xNN and \\ stand for those bytes. Hex: 48 65 6C 6C 6F</source>
        <translation>文本：\n \r \t \0 \xNN 和 \\ 代表相应的字节。十六进制：48 65 6C 6C 6F</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F&amp;ormat:</source>
        <translation>格式(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Message:</source>
        <translation>消息(&amp;M)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No&amp;te:</source>
        <translation>备注(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes:</source>
        <translation>字节：</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>A name is needed</source>
        <translation>需要名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another message is called &quot;%1&quot; already</source>
        <translation>已有另一条消息名为“%1”</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The message makes no bytes</source>
        <translation>该消息不产生任何字节</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>When sent: %1</source>
        <translation>发送时：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n byte(s): %1</source>
        <translation>
            <numerusform>%n 字节：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>socketeer::ui::SavedMessagesDock</name>
    <message>
        <location filename="../../ui/savedmessagesdock.cpp" line="+42"/>
        <location line="+18"/>
        <source>Saved messages</source>
        <translation>已存消息</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+457"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location line="-451"/>
        <source>Filter saved messages</source>
        <translation>筛选已保存的消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search saved messages</source>
        <translation>搜索已存消息</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved messages in folders: double-click one to send it</source>
        <translation>按文件夹存放的已保存消息：双击即可发送</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Double-click (or Ctrl+1…9) sends to the current tab</source>
        <translation>双击（或按 Ctrl+1…9）发送到当前标签页</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Undo the last change to the saved messages</source>
        <translation>撤销对已保存消息的上一次更改</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A saved sequence of messages to send in order</source>
        <translation>按顺序发送的已保存消息序列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sequence</source>
        <translation>序列</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save what the current tab&apos;s send box holds</source>
        <translation>保存当前标签页发送框中的内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit or rename the selected message</source>
        <translation>编辑或重命名选中的消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete the selected message (Undo brings it back)</source>
        <translation>删除选中的消息（可用“撤销”恢复）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selected message up in its folder</source>
        <translation>在所在文件夹中上移选中的消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selected message down in its folder</source>
        <translation>在所在文件夹中下移选中的消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add the messages and sequences of a JSON file</source>
        <translation>添加一个 JSON 文件中的消息和序列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Write all saved messages and sequences to a JSON file</source>
        <translation>把所有已存消息和序列写入一个 JSON 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Make a sequence of saved messages, delays and reply waits</source>
        <translation>用已存消息、延时和等待回复组成一个序列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the chosen sequence</source>
        <translation>编辑所选序列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edi&amp;t…</source>
        <translation>编辑(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove the chosen sequence</source>
        <translation>移除所选序列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the chosen sequence against the current tab</source>
        <translation>在当前标签页上运行所选序列</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Sequence:</source>
        <translation>序列：</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Import saved messages</source>
        <translation>导入已存消息</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON 文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export saved messages</source>
        <translation>导出已存消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Delete sequence</source>
        <translation>删除序列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete the sequence &quot;%1&quot;?</source>
        <translation>删除序列“%1”吗？</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>step %1 of %2 · round %3</source>
        <translation>第 %1/%2 步 · 第 %3 轮</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>step %1 of %2 · round %3 of %4</source>
        <translation>第 %1/%2 步 · 第 %3/%4 轮</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waiting up to %1 ms for a reply matching /%2/</source>
        <translation>最多等待 %1 毫秒，等候匹配 /%2/ 的回复</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Your saved messages could not be read: %1</source>
        <translation>无法读取你的已存消息：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Send saved message %1</source>
        <translation>发送第 %1 条已存消息</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>This tab cannot send: choose the server, a client or the UDP tab</source>
        <translation>此标签页不能发送：请选择服务器、客户端或 UDP 标签页</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nowhere to send to yet: connect (or listen, or bind) first</source>
        <translation>还没有发送目标：请先连接（或监听、绑定）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&quot;%1&quot;: %2</source>
        <translation>“%1”：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; was not sent: nothing to send, or nowhere to send to</source>
        <translation>“%1”未发送：没有可发送的内容，或没有发送目标</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Sent &quot;%1&quot; (%n byte(s))</source>
        <translation>
            <numerusform>已发送“%1”（%n 字节）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+29"/>
        <source>This tab has no send box to save from</source>
        <translation>此标签页没有可供保存的发送框</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+43"/>
        <source>Saved &quot;%1&quot;</source>
        <translation>已保存“%1”</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>The send box is empty: type the message there first</source>
        <translation>发送框是空的：请先在其中输入消息</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Deleted &quot;%1&quot;</source>
        <translation>已删除“%1”</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&quot;%1&quot; is back</source>
        <translation>“%1”已恢复</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Nothing imported: %1</source>
        <translation>未导入任何内容：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Imported %n message(s) and sequence(s)</source>
        <translation>
            <numerusform>已导入 %n 条消息和序列</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>the tab was closed</source>
        <translation>标签页已关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nowhere to send to (disconnected?)</source>
        <translation>没有发送目标（已断开连接？）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Running &quot;%1&quot;</source>
        <translation>正在运行“%1”</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Sequence &quot;%1&quot; completed</source>
        <translation>序列“%1”已完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sequence &quot;%1&quot; stopped</source>
        <translation>序列“%1”已停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sequence &quot;%1&quot; failed: %2</source>
        <translation>序列“%1”失败：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sto&amp;p</source>
        <translation>停止(&amp;P)</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>hex: %1</source>
        <translation>十六进制：%1</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::SavedStore</name>
    <message>
        <location filename="../../ui/savedstore.cpp" line="+29"/>
        <source>%1 Nothing will be written over it until Socketeer starts again.</source>
        <translation>%1 在 Socketeer 重新启动之前不会覆盖写入该文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 The file was kept as %2; the library starts empty.</source>
        <translation>%1 该文件已保留为 %2；消息库从空开始。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The saved messages are read-only until Socketeer starts again: %1</source>
        <translation>在 Socketeer 重新启动之前，已存消息为只读：%1</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+15"/>
        <location line="+14"/>
        <source>That message is gone</source>
        <translation>该消息已不存在</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>&quot;%1&quot; is used by the sequence &quot;%2&quot;: remove it there first</source>
        <translation>“%1”被序列“%2”使用：请先从该序列中移除</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+7"/>
        <source>That sequence is gone</source>
        <translation>该序列已不存在</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::SendBox</name>
    <message>
        <location filename="../../ui/sendbox.cpp" line="+32"/>
        <location line="+243"/>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <location line="-242"/>
        <source>Send f&amp;ile…</source>
        <translation>发送文件(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat every</source>
        <translation>重复发送，间隔(&amp;R)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Message to send</source>
        <translation>要发送的消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type a message and press Enter</source>
        <translation>输入消息后按 Enter 发送</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter sends; Up and Down walk through what you sent before.
Macros, expanded at each send (repeats too):
{{counter}} 1, 2, 3… (this tab&apos;s; {{counter:start=0,step=1,width=4,name=a}})
{{date}} {{time}} (or {{date:yyyyMMdd}}, {{time:HH:mm:ss.zzz}}), {{unixtime}}
{{random:100}} 0…99, {{hex:0D 0A}} raw bytes, {{file:PATH}} a file&apos;s bytes</source>
        <translation>按 Enter 发送；上下方向键翻看之前发送过的内容。
宏，每次发送时展开（重复发送也是）：
{{counter}} 1, 2, 3…（本标签页的计数；{{counter:start=0,step=1,width=4,name=a}}）
{{date}} {{time}}（或 {{date:yyyyMMdd}}、{{time:HH:mm:ss.zzz}}），{{unixtime}}
{{random:100}} 0…99，{{hex:0D 0A}} 原始字节，{{file:PATH}} 文件的字节</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text is sent in the chosen encoding; Hex takes bytes like 48 65 6C 6C 6F</source>
        <translation>“文本”按所选编码发送；“十六进制”接受 48 65 6C 6C 6F 这样的字节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No line ending</source>
        <translation>不加行尾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LF (\n)</source>
        <translation>LF (\n)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CRLF (\r\n)</source>
        <translation>CRLF (\r\n)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Appended to each text message</source>
        <translation>追加在每条文本消息的末尾</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send the message (Enter)</source>
        <translation>发送消息（回车）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the bytes of a file, exactly as they are</source>
        <translation>原样发送文件中的字节</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send the message again and again, at the interval given</source>
        <translation>按给定间隔反复发送消息</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How long to wait between two sends, in milliseconds</source>
        <translation>两次发送之间等待多久，单位毫秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interval between sends</source>
        <translation>发送间隔</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>times: </source>
        <translation>次数：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Times to send</source>
        <translation>发送次数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How many times to send; &quot;no limit&quot; repeats until you stop it</source>
        <translation>发送的次数；“不限”表示一直重复，直到你停止</translation>
    </message>
    <message>
        <location line="+134"/>
        <location line="+30"/>
        <source>Nothing to send: type some text or hex bytes</source>
        <translation>没有可发送的内容：请输入文本或十六进制字节</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is larger than %2 MiB: send it with the command line instead</source>
        <translation>%1 超过了 %2 MiB：请改用命令行发送</translation>
    </message>
    <message>
        <location filename="../../ui/filestream.cpp" line="+29"/>
        <location filename="../../ui/sendbox.cpp" line="+4"/>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not a file</source>
        <translation>%1 不是文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../ui/sendbox.cpp" line="+5"/>
        <source>%1 is empty: nothing to send</source>
        <translation>%1 是空文件：没有可发送的内容</translation>
    </message>
    <message>
        <location filename="../../ui/sendbox.cpp" line="+10"/>
        <source>Send a file&apos;s bytes</source>
        <translation>发送文件的字节</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::SequenceDialog</name>
    <message>
        <location filename="../../ui/sequencedialog.cpp" line="+37"/>
        <source>New sequence</source>
        <translation>新建序列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit sequence</source>
        <translation>编辑序列</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>until stopped</source>
        <translation>直到停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> time(s)</source>
        <translation> 次</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send message</source>
        <translation>发送消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait (delay)</source>
        <translation>等待（延时）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait for a reply</source>
        <translation>等待回复</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+7"/>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Regular expression, e.g. ^OK</source>
        <translation>正则表达式，例如 ^OK</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>within </source>
        <translation>限时 </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Add step</source>
        <translation>添加步骤(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run&amp;s:</source>
        <translation>运行次数(&amp;S)：</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Send &quot;%1&quot;</source>
        <translation>发送“%1”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait %1 ms</source>
        <translation>等待 %1 毫秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait for a reply matching /%1/ within %2 ms</source>
        <translation>在 %2 毫秒内等待匹配 /%1/ 的回复</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Save a message first: a send step names one</source>
        <translation>请先保存一条消息：发送步骤需要指定一条消息</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>A name is needed</source>
        <translation>需要名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another sequence is called &quot;%1&quot; already</source>
        <translation>已有另一个序列名为“%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add at least one step</source>
        <translation>请至少添加一个步骤</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::ServerPanel</name>
    <message>
        <location filename="../../ui/serverpanel.cpp" line="+51"/>
        <source>&amp;Echo</source>
        <translation>回显(&amp;E)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Disconnect selected</source>
        <translation>断开所选客户端(&amp;D)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disconnect a client that takes no data at all for this many seconds while data waits for it. A slower client is waited for.</source>
        <translation>有数据等着发给某个客户端、而它在这么多秒内一点都没收下时，断开它。较慢的客户端会被等待。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Event loop (one thread)</source>
        <translation>事件循环（单线程）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thread per client</source>
        <translation>每个客户端一个线程</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Event loop: one thread watches every client with epoll. Thread per client: the tutorial&apos;s threaded server, one thread for each connection.</source>
        <translation>事件循环：一个线程用 epoll 监视所有客户端。每个客户端一个线程：即教程中的多线程服务器，每个连接一个线程。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send everything a client sends straight back to it, like the tutorial&apos;s echo server</source>
        <translation>把客户端发来的所有数据原样发回给它，就像教程中的回显服务器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connections beyond this number are accepted and closed at once. Default: no limit for the event loop, %1 for thread per client (each client is a thread).</source>
        <translation>超过此数量的连接会被接受并立即关闭。默认：事件循环不限制，每客户端一线程为 %1（每个客户端占一个线程）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>⚠ Listening on all interfaces opens this port to other machines on the network.</source>
        <translation>⚠ 在所有接口上监听会把此端口开放给网络上的其他机器。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connected since</source>
        <translation>连接时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In</source>
        <translation>接收</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Out</source>
        <translation>发送</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Send to all clients</source>
        <translation>发送给所有客户端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send to selected clients</source>
        <translation>发送给所选客户端</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Listen on</source>
        <translation>监听地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Max clients</source>
        <translation>最大客户端数</translation>
    </message>
    <message>
        <location line="-61"/>
        <location line="+63"/>
        <source>Stall timeout</source>
        <translation>停滞超时</translation>
    </message>
    <message>
        <location line="-88"/>
        <location line="+428"/>
        <source>St&amp;art</source>
        <translation>启动(&amp;A)</translation>
    </message>
    <message>
        <location line="-397"/>
        <source>Listen port</source>
        <translation>监听端口</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Most clients</source>
        <translation>最多客户端数</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Start or stop listening</source>
        <translation>开始或停止监听</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The clients connected now: select one to send to it alone</source>
        <translation>当前连接的客户端：选中一个即可只发给它</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected clients</source>
        <translation>已连接的客户端</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Close the connection of the selected clients</source>
        <translation>关闭选中客户端的连接</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send to every client, or only to the one selected</source>
        <translation>发给所有客户端，或只发给选中的那个</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Clients</source>
        <translation>客户端</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Sending %1: %2 of %3 bytes read</source>
        <translation>正在发送 %1：已读取 %2 / %3 字节</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>sent %1 (%2 bytes) to %n client(s)</source>
        <translation>
            <numerusform>已将 %1（%2 字节）发送给 %n 个客户端</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n client(s) left before the end</source>
        <translation>
            <numerusform>%n 个客户端在结束前离开</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>all clients</source>
        <translation>所有客户端</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <location line="+86"/>
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n 个线程</numerusform>
        </translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+186"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location line="-170"/>
        <source>Listening on %1 (%2) with TLS; certificate SHA-256 %3</source>
        <translation>正在 %1 上监听（%2），使用 TLS；证书 SHA-256 %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>listening on %1 with TLS; certificate SHA-256 %2</source>
        <translation>正在 %1 上监听，使用 TLS；证书 SHA-256 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Listening on %1 (%2)</source>
        <translation>正在监听 %1（%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>listening on %1</source>
        <translation>开始监听 %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>server stopped</source>
        <translation>服务器已停止</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>client %1 connected</source>
        <translation>客户端 %1 已连接</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>client %1 connected over %2 (%3)</source>
        <translation>客户端 %1 已通过 %2（%3）连接</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>client %1 disconnected: %2</source>
        <translation>客户端 %1 已断开：%2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Select one or more clients to send to</source>
        <translation>请选择要发送给哪些客户端</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No client is connected</source>
        <translation>没有已连接的客户端</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A file is still being sent</source>
        <translation>还有一个文件正在发送</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>sending %1 (%2 bytes) to %n client(s)</source>
        <translation>
            <numerusform>正在将 %1（%2 字节）发送给 %n 个客户端</numerusform>
        </translation>
    </message>
    <message>
        <location line="+75"/>
        <source>St&amp;op</source>
        <translation>停止(&amp;O)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>client %1</source>
        <translation>客户端 %1</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::ThroughputGraph</name>
    <message>
        <location filename="../../ui/trafficcounters.cpp" line="+18"/>
        <source>Throughput over the last minute: received (blue) and sent (green)</source>
        <translation>最近一分钟的吞吐量：接收（蓝色）和发送（绿色）</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::TimelineCanvas</name>
    <message>
        <location filename="../../ui/timelinescene.cpp" line="+122"/>
        <source>Server (event loop)</source>
        <translation>服务器（事件循环）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server (accepting)</source>
        <translation>服务器（接受连接）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server ↔ client %1</source>
        <translation>服务器 ↔ 客户端 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client %1</source>
        <translation>客户端 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Relay</source>
        <translation>转发器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Local inbox (SMTP server)</source>
        <translation>本地收件箱（SMTP 服务器）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Local inbox (its TLS port)</source>
        <translation>本地收件箱（其 TLS 端口）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mail (SMTP client)</source>
        <translation>发邮件（SMTP 客户端）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Window (main thread)</source>
        <translation>窗口（主线程）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lab (checking the program)</source>
        <translation>实验（检查程序）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lab&apos;s inbox (SMTP server)</source>
        <translation>实验的收件箱（SMTP 服务器）</translation>
    </message>
    <message numerus="yes">
        <location line="+93"/>
        <source>%n older call(s) dropped</source>
        <translation>
            <numerusform>已丢弃 %n 个较早的调用</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>handshake</source>
        <translation>握手</translation>
    </message>
    <message>
        <location line="-146"/>
        <source>in progress…</source>
        <translation>进行中…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>1 byte</source>
        <translation>1 字节</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>waiting for the peer…</source>
        <translation>等待对方…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>Socket calls appear here as the panels make them.</source>
        <translation>各面板进行的套接字调用会实时显示在这里。</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::TimelineDetails</name>
    <message>
        <location filename="../../ui/timelinedetails.cpp" line="+48"/>
        <source>0 (no error)</source>
        <translation>0（无错误）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Call: %1()</source>
        <translation>调用：%1()</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lane: %1 (thread &quot;%2&quot;)</source>
        <translation>泳道：%1（线程“%2”）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time: %1</source>
        <translation>时间：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order: #%1</source>
        <translation>顺序：#%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arguments: %1</source>
        <translation>参数：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result: %1</source>
        <translation>结果：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>errno: %1</source>
        <translation>errno：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bytes: %1 (the first %2 shown)</source>
        <translation>字节数：%1（显示前 %2 个）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes: %1</source>
        <translation>字节数：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As text (UTF-8): %1</source>
        <translation>文本（UTF-8）：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As hex:</source>
        <translation>十六进制：</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::TimelineView</name>
    <message>
        <location filename="../../ui/timelineview.cpp" line="+158"/>
        <source>Each lane is a thread; each box one socket call with its result. Arrows join a send() to the recv() that got its bytes (over TLS, an SSL_write() of the text to the SSL_read() that got it).</source>
        <translation>每条泳道是一个线程；每个方框是一次套接字调用及其结果。箭头把 send() 连到收到其字节的 recv()（使用 TLS 时，把写出文本的 SSL_write() 连到收到它的 SSL_read()）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Everything about the selected call: its arguments, result and bytes</source>
        <translation>选中调用的全部信息：参数、结果和字节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call details</source>
        <translation>调用详情</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Click a call, or step with ← and →, to see its arguments, result, errno and bytes.</source>
        <translation>点击一个调用，或用 ← 和 → 逐步查看，即可看到它的参数、结果、errno 和字节。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop following new calls; they are still recorded</source>
        <translation>不再跟随新的调用；它们仍会被记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>◀ Back</source>
        <translation>◀ 后退</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The call before (←)</source>
        <translation>上一个调用（←）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forward ▶</source>
        <translation>前进 ▶</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The call after (→)</source>
        <translation>下一个调用（→）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+124"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>Step forward at the chosen speed (Space)</source>
        <translation>按所选速度逐步前进（空格键）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Calls per second while playing: a steady pace, however long the pauses in the recording were</source>
        <translation>播放时每秒的调用数：节奏均匀，不论录制中的停顿有多长</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 calls/s</source>
        <translation>每秒 %1 个调用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Go to time</source>
        <translation>跳到时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jump to the first call at or after this time</source>
        <translation>跳到此时刻或之后的第一个调用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go</source>
        <translation>跳转</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Jump to the time</source>
        <translation>跳到该时刻</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show or hide lanes (threads and sockets)</source>
        <translation>显示或隐藏泳道（线程和套接字）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lanes</source>
        <translation>泳道</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show or hide kinds of calls</source>
        <translation>显示或隐藏各类调用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calls</source>
        <translation>调用</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Open, save or export the timeline</source>
        <translation>打开、保存或导出时间线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save timeline…</source>
        <translation>保存时间线…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open timeline…</source>
        <translation>打开时间线…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export as SVG…</source>
        <translation>导出为 SVG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export as PNG…</source>
        <translation>导出为 PNG…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forget the recorded calls</source>
        <translation>清除已记录的调用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cl&amp;ear</source>
        <translation>清除(&amp;E)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Call %1 of %2</source>
        <translation>第 %1 个调用，共 %2 个</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n 个调用</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n hidden by the filters</source>
        <translation>
            <numerusform>%n 个被筛选隐藏</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n older call(s) dropped</source>
        <translation>
            <numerusform>已丢弃 %n 个较早的调用</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>showing %1 (Pause off or Clear to record again)</source>
        <translation>正在显示 %1（取消“暂停”或点“清除”即可重新记录）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>paused: new calls are recorded but not followed</source>
        <translation>已暂停：新的调用仍会记录，但不跟随显示</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>The timeline is still being saved: try again when it is done.</source>
        <translation>时间线仍在保存中：请在保存完成后再试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>saving %1…</source>
        <translation>正在保存 %1…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Socket calls</source>
        <translation>套接字调用</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+23"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="-332"/>
        <location line="+340"/>
        <location line="+3"/>
        <source>Save timeline</source>
        <translation>保存时间线</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Timelines (*.json)</source>
        <translation>时间线 (*.json)</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+3"/>
        <source>Open timeline</source>
        <translation>打开时间线</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Timelines (*.json);;All files (*)</source>
        <translation>时间线 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+7"/>
        <source>Export as SVG</source>
        <translation>导出为 SVG</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+7"/>
        <source>Export as PNG</source>
        <translation>导出为 PNG</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>SVG pictures (*.svg)</source>
        <translation>SVG 图片 (*.svg)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::TlsServerFields</name>
    <message>
        <location filename="../../ui/tlsserverfields.cpp" line="+28"/>
        <source>Certificate file</source>
        <translation>证书文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Private key file</source>
        <translation>私钥文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the certificate file (PEM) the server shows its clients</source>
        <translation>选择服务器向客户端出示的证书文件（PEM）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the private key file (PEM) that belongs to the certificate</source>
        <translation>选择与证书配对的私钥文件（PEM）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Certificate (PEM)</source>
        <translation>证书（PEM）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private key (PEM)</source>
        <translation>私钥（PEM）</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Choose a certificate file and its private key file (PEM).</source>
        <translation>请选择证书文件及其私钥文件（PEM）。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>None (plain TCP)</source>
        <translation>无（明文 TCP）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS, development certificate</source>
        <translation>TLS，开发证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS, my certificate</source>
        <translation>TLS，我的证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS encrypts every connection. The development certificate is made on first use for localhost, 127.0.0.1 and ::1; a client must trust it once (by its SHA-256 fingerprint).</source>
        <translation>TLS 会加密每个连接。开发证书在首次使用时为 localhost、127.0.0.1 和 ::1 生成；客户端需要（按其 SHA-256 指纹）信任它一次。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>certificate.pem</source>
        <translation>certificate.pem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key.pem</source>
        <translation>key.pem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate…</source>
        <translation>证书…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key…</source>
        <translation>私钥…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt *.key);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::TrafficCounters</name>
    <message>
        <location filename="../../ui/trafficcounters.cpp" line="+88"/>
        <source>/s</source>
        <translation>/秒</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>1 byte</source>
        <translation>1 字节</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 message</source>
        <translation>1 条消息</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 messages</source>
        <translation>%1 条消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received %1 in %2 (%3) · Sent %4 in %5 (%6)</source>
        <translation>已接收 %2，共 %1（%3）· 已发送 %5，共 %4（%6）</translation>
    </message>
</context>
<context>
    <name>socketeer::ui::UdpPanel</name>
    <message>
        <location filename="../../ui/udppanel.cpp" line="+29"/>
        <location line="+213"/>
        <source>&amp;Bind</source>
        <translation>绑定(&amp;B)</translation>
    </message>
    <message>
        <location line="-207"/>
        <source>&amp;Join</source>
        <translation>加入(&amp;J)</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Bro&amp;adcast</source>
        <translation>广播(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reply to the last se&amp;nder</source>
        <translation>回复最后一个发送方(&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>L&amp;eave</source>
        <translation>离开(&amp;E)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Local port</source>
        <translation>本地端口</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bind the UDP socket to the local port, or close it</source>
        <translation>把 UDP 套接字绑定到本地端口，或关闭它</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Allow sending to broadcast addresses such as 255.255.255.255 (SO_BROADCAST)</source>
        <translation>允许向 255.255.255.255 等广播地址发送（SO_BROADCAST）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target host</source>
        <translation>目标主机</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Target port</source>
        <translation>目标端口</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send to whoever sent the last datagram, as the tutorial&apos;s UDP server does</source>
        <translation>发给最后一个数据报的发送方，就像教程中的 UDP 服务器那样</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Multicast group</source>
        <translation>组播组</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>multicast group, e.g. 239.1.2.3 or ff02::1:3</source>
        <translation>组播组，例如 239.1.2.3 或 ff02::1:3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Join the multicast group on this socket</source>
        <translation>在此套接字上加入组播组</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave the multicast group</source>
        <translation>离开组播组</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Bind</source>
        <translation>绑定</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send to</source>
        <translation>发送到</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Multicast</source>
        <translation>组播</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>joined multicast group %1</source>
        <translation>已加入组播组 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>left multicast group %1</source>
        <translation>已离开组播组 %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Binding…</source>
        <translation>正在绑定…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Bound to %1: datagrams sent here appear below</source>
        <translation>已绑定到 %1：发到这里的数据报会显示在下方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bound to %1</source>
        <translation>已绑定到 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the datagram above was %1 bytes; only the first %2 fit the receive buffer</source>
        <translation>上面的数据报有 %1 字节，接收缓冲区只容纳了前 %2 字节</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Nothing has been received yet, so there is no last sender to reply to</source>
        <translation>还没有收到任何数据，因此没有可以回复的发送方</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
</context>
</TS>
