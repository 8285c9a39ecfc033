<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountPage</name>
    <message>
        <source>My account</source>
        <translation>我的账户</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>当前登录</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Your password opens the records on this computer. Nobody else, the custodian included, can see it.</source>
        <translation>您的密码用于在本机打开档案。任何其他人（包括档案管理员）都看不到它。</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <source>Leaving the desk</source>
        <translation>离开座位时</translation>
    </message>
    <message>
        <source>Lock keeps you signed in but hides every record until your password is entered again. Log out ends your session.</source>
        <translation>“锁定”保持登录，但在重新输入密码之前隐藏所有记录；“退出登录”结束本次会话。</translation>
    </message>
    <message>
        <source>Lock now (Ctrl+L)</source>
        <translation>立即锁定（Ctrl+L）</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add user</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Psychological care station · Add user</source>
        <translation>心理健康服务站 · 新增用户</translation>
    </message>
    <message>
        <source>Lowercase letters and digits, e.g. zhangsan.</source>
        <translation>小写字母和数字，例如 zhangsan。</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
    <message>
        <source>The user must choose a new password at first sign-in.</source>
        <translation>用户首次登录时须设置新密码。</translation>
    </message>
    <message>
        <source>Repeat temporary password</source>
        <translation>再次输入临时密码</translation>
    </message>
    <message>
        <source>Adding the user…</source>
        <translation>正在新增用户…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Every sign-in, user change and settings change is recorded here. Entries can only be added, never changed; verification finds any alteration.</source>
        <translation>每一次登录、用户管理和设置修改都记录在这里。日志只能追加、不能修改；校验可以发现任何改动。</translation>
    </message>
    <message>
        <source>Limit dates</source>
        <translation>限定日期</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>Verify log integrity</source>
        <translation>校验日志完整性</translation>
    </message>
    <message>
        <source>Only the records custodian can read the audit log.</source>
        <translation>只有档案管理员可以查看审计日志。</translation>
    </message>
    <message>
        <source>The start date is after the end date.</source>
        <translation>开始日期晚于结束日期。</translation>
    </message>
    <message>
        <source>{count} entries</source>
        <translation>共 {count} 条记录</translation>
    </message>
    <message>
        <source>Checking the audit chain…</source>
        <translation>正在校验审计日志…</translation>
    </message>
    <message>
        <source>First bad entry: No. {seq}.</source>
        <translation>第一条异常记录：第 {seq} 条。</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>idle lock time</source>
        <translation>自动锁定时间</translation>
    </message>
    <message>
        <source>device binding</source>
        <translation>已绑定设备</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>站点信息</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>recovery key</source>
        <translation>使用恢复密钥</translation>
    </message>
    <message>
        <source>unknown user name</source>
        <translation>未知用户名</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>BusyIndicator</name>
    <message>
        <source>Working</source>
        <translation>正在处理</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Psychological care station · Change password</source>
        <translation>心理健康服务站 · 修改密码</translation>
    </message>
    <message>
        <source>Choose your own password</source>
        <translation>请设置您自己的密码</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>You signed in with a temporary password. Replace it with a password only you know before you continue.</source>
        <translation>您使用的是临时密码。请先换成只有您自己知道的密码，再继续使用。</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>At least 8 characters, mixing two of: letters, digits, symbols.</source>
        <translation>至少 8 位，包含字母、数字、符号中的至少两类。</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <source>Changing the password…</source>
        <translation>正在修改密码…</translation>
    </message>
</context>
<context>
    <name>Countdown</name>
    <message>
        <source>Too many wrong passwords. Try again in {0} s.</source>
        <translation>密码错误次数过多，请 {0} 秒后再试。</translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <source>Create the vault</source>
        <translation>创建档案库</translation>
    </message>
    <message>
        <source>Check the details, then create the encrypted vault.</source>
        <translation>请核对以下信息，然后创建加密档案库。</translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation>创建档案库</translation>
    </message>
    <message>
        <source>Creating the vault takes a few seconds while the key strength is tuned.</source>
        <translation>创建时需要几秒钟来调校密钥强度，请稍候。</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No (chosen explicitly)</source>
        <translation>否（已明确选择）</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>站点名称</translation>
    </message>
    <message>
        <source>Station code</source>
        <translation>站点编码</translation>
    </message>
    <message>
        <source>Station kind</source>
        <translation>站点类型</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>所属地区</translation>
    </message>
    <message>
        <source>Custodian</source>
        <translation>档案管理员</translation>
    </message>
    <message>
        <source>Device binding</source>
        <translation>设备绑定</translation>
    </message>
    <message>
        <source>Vault folder</source>
        <translation>档案库位置</translation>
    </message>
    <message>
        <source>The vault folder could not be written: {error}</source>
        <translation>无法写入档案库文件夹：{error}</translation>
    </message>
</context>
<context>
    <name>CustodianPage</name>
    <message>
        <source>Records custodian</source>
        <translation>档案管理员账户</translation>
    </message>
    <message>
        <source>The custodian keeps the archives, manages users and exports. You can add counsellors later in Settings.</source>
        <translation>档案管理员负责保管档案、管理用户和报送数据。咨询师等其他用户可以稍后在“设置”中添加。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Lowercase letters and digits, e.g. admin.</source>
        <translation>小写字母和数字，例如 admin。</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>At least 8 characters, mixing letters, digits or symbols.</source>
        <translation>至少 8 位，包含字母、数字、符号中的至少两类。</translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>DevicePage</name>
    <message>
        <source>Device binding</source>
        <translation>设备绑定</translation>
    </message>
    <message>
        <source>The vault's keys are tied to a secret kept by this PC's credential store.</source>
        <translation>档案库的钥匙与本机凭据存储中的设备密钥绑定。</translation>
    </message>
    <message>
        <source>A copy of the vault taken off this PC cannot be opened with a password alone: it also needs this device secret. On a new PC, the recovery key re-enrols the machine.</source>
        <translation>即使有人把档案库文件复制走，仅凭密码也无法打开：还需要本机的设备密钥。更换电脑时，可用恢复密钥重新登记新电脑。</translation>
    </message>
    <message>
        <source>No usable credential store was found on this PC, so the vault cannot be bound to it. Without device binding, anyone who copies the vault files can try passwords against them on another computer. Continue only if the Windows Credential Manager is truly unavailable; the choice is recorded and shown in Settings.</source>
        <translation>本机没有可用的系统凭据存储，档案库无法与本机绑定。不绑定设备时，任何人复制走档案库文件后，都可以在别的电脑上反复尝试密码。只有在确实无法使用 Windows 凭据管理器时才这样做；这一选择会被记录，并在“设置”中显示。</translation>
    </message>
    <message>
        <source>Create the vault without device binding</source>
        <translation>不绑定设备，仍然创建档案库</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Hello, {0}</source>
        <translation>您好，{0}</translation>
    </message>
    <message>
        <source>Signed in as {0} · user name {1}</source>
        <translation>当前身份：{0} · 用户名 {1}</translation>
    </message>
    <message>
        <source>This station</source>
        <translation>本站信息</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>站点名称</translation>
    </message>
    <message>
        <source>Station code</source>
        <translation>站点编码</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>站点类型</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>所属地区</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>What you can do here</source>
        <translation>您在这里可以</translation>
    </message>
    <message>
        <source>When you leave the desk, press Ctrl+L to lock: the screen then shows no record until your password is entered again. The window also locks by itself after a few minutes without input.</source>
        <translation>离开座位时请按 Ctrl+L 锁定：重新输入密码之前，屏幕上不显示任何记录。一段时间无操作后，窗口也会自动锁定。</translation>
    </message>
    <message>
        <source>Manage user accounts: add counsellors and station leads, deactivate accounts, set temporary passwords (Settings).</source>
        <translation>管理用户账户：新增咨询师和站长、停用账户、设置临时密码（见“设置”）。</translation>
    </message>
    <message>
        <source>Keep the station profile and the automatic lock time up to date (Settings).</source>
        <translation>维护站点信息和自动锁定时间（见“设置”）。</translation>
    </message>
    <message>
        <source>Read the audit log and check that nobody has altered it (Audit log).</source>
        <translation>查阅审计日志，并校验它没有被改动（见“审计日志”）。</translation>
    </message>
    <message>
        <source>Keep the recovery sheet in the station safe: when every password is forgotten, it is the only way back into the records.</source>
        <translation>恢复密钥单请存放在站内保险柜：所有密码都遗忘时，只能靠它重新打开档案。</translation>
    </message>
    <message>
        <source>Your role sees aggregate figures only, never a person's record.</source>
        <translation>您的角色只查看汇总数据，不查看任何个人记录。</translation>
    </message>
    <message>
        <source>Change your password under “My account”.</source>
        <translation>可在“我的账户”中修改密码。</translation>
    </message>
    <message>
        <source>Everything you do with a person's record is written to the audit log, which only the custodian reads.</source>
        <translation>您对个人记录的每一次操作都会写入审计日志，只有档案管理员可以查阅。</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Every sign-in, lock and change is chained in the audit log. The check finds any entry that was changed, deleted or reordered.</source>
        <translation>每次登录、锁定和修改都以哈希链记入审计日志。校验可以发现任何被改动、删除或调换顺序的记录。</translation>
    </message>
    <message>
        <source>Verify the audit log</source>
        <translation>校验审计日志</translation>
    </message>
    <message>
        <source>Checking the audit chain…</source>
        <translation>正在校验审计日志…</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>{0} ({1}). Enter your password to continue.</source>
        <translation>{0}（{1}）：请输入密码继续。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>正在核对密码…</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Psychological care station · Sign in</source>
        <translation>心理健康服务站 · 登录</translation>
    </message>
    <message>
        <source>Psychological care station</source>
        <translation>心理健康服务站</translation>
    </message>
    <message>
        <source>Sign in to open this station's records.</source>
        <translation>请登录以打开本站档案。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Forgot your password? Use the recovery key</source>
        <translation>忘记密码？使用恢复密钥</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>A demo vault with synthetic data only.</source>
        <translation>这是只含虚构数据的演示档案库。</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>正在核对密码…</translation>
    </message>
    <message>
        <source>Choose “Forgot your password? Use the recovery key” below.</source>
        <translation>请点击下方“忘记密码？使用恢复密钥”。</translation>
    </message>
    <message>
        <source>You are signed out. Sign in again to choose your password.</source>
        <translation>已退出登录。重新登录后即可设置密码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Unlocked · locks after {0} minutes without input</source>
        <translation>已解锁 · {0} 分钟无操作自动锁定</translation>
    </message>
    <message>
        <source>Psychological care station — {0}</source>
        <translation>心理健康服务站 — {0}</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>My account</source>
        <translation>我的账户</translation>
    </message>
</context>
<context>
    <name>NewRecoveryKeyDialog</name>
    <message>
        <source>Psychological care station · New recovery key</source>
        <translation>心理健康服务站 · 新的恢复密钥</translation>
    </message>
    <message>
        <source>New recovery key</source>
        <translation>新的恢复密钥</translation>
    </message>
    <message>
        <source>The old recovery key no longer opens the vault: destroy the old sheet. Keep this new key safe: it is shown only now.</source>
        <translation>旧的恢复密钥已不能打开档案库，请销毁旧的恢复密钥单。请妥善保管新的恢复密钥：它只在此时显示。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Close without the new recovery key?</source>
        <translation>不保存新的恢复密钥就关闭？</translation>
    </message>
    <message>
        <source>The old recovery key no longer works. The new key is shown only in this window; the program keeps no copy. If you have not printed or saved the new recovery sheet, it is lost once you close, and forgotten passwords can then no longer be reset.

Close anyway?</source>
        <translation>旧的恢复密钥已经失效。新的恢复密钥只在此窗口中显示，本程序不保存任何副本。如果您还没有打印或保存新的恢复密钥单，关闭后它将丢失，忘记的密码也将无法再重设。

仍然关闭吗？</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Psychological care station · Recovery key</source>
        <translation>心理健康服务站 · 恢复密钥</translation>
    </message>
    <message>
        <source>Set a new password with the recovery key</source>
        <translation>用恢复密钥设置新密码</translation>
    </message>
    <message>
        <source>The recovery key is on the recovery sheet kept in the station safe: 8 groups of 5 letters or digits.</source>
        <translation>恢复密钥印在存放于站内保险柜的恢复密钥单上：共 8 组，每组 5 个字母或数字。</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>On a new computer or another Windows account this machine is enrolled again; the custodian then resets the other users' passwords.</source>
        <translation>如在新电脑或其他 Windows 账户上恢复，本机会重新登记；其他用户的密码随后需由档案管理员重设。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Set password and sign in</source>
        <translation>设置密码并登录</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <source>Opening the vault with the recovery key…</source>
        <translation>正在用恢复密钥打开档案库…</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPanel</name>
    <message>
        <source>Psychological care station · Print recovery sheet</source>
        <translation>心理健康服务站 · 打印恢复密钥单</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>This key opens every record in the vault. Print the recovery sheet, or save it only to a removable drive that goes into the station safe. A copy left on this PC defeats its purpose. The program keeps no copy: once this window closes, the key cannot be shown again.</source>
        <translation>这把恢复密钥能打开档案库中的全部记录。请打印恢复密钥单，或只保存到可移动存储设备（U 盘）并放入站点保险柜。在本机留下副本就失去了它的意义。本程序不保存任何副本：关闭此窗口后将无法再次显示。</translation>
    </message>
    <message>
        <source>Save recovery sheet (PDF)…</source>
        <translation>保存恢复密钥单（PDF）…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Last group of the key</source>
        <translation>最后一组字符</translation>
    </message>
    <message>
        <source>Type the key's last group from your printout or saved sheet, to confirm.</source>
        <translation>请对照打印或保存的恢复密钥单，输入恢复密钥的最后一组，以确认无误。</translation>
    </message>
    <message>
        <source>I have printed or saved the recovery sheet and will keep it safe</source>
        <translation>我已打印或保存恢复密钥单，并将妥善保管</translation>
    </message>
    <message>
        <source>This is not the key's last group. Compare it character by character.</source>
        <translation>与恢复密钥的最后一组不一致，请逐个字符核对。</translation>
    </message>
    <message>
        <source>Save recovery sheet</source>
        <translation>保存恢复密钥单</translation>
    </message>
    <message>
        <source>Recovery sheet {code}.pdf</source>
        <translation>恢复密钥单-{code}.pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Save on this PC?</source>
        <translation>保存在本机？</translation>
    </message>
    <message>
        <source>The chosen folder is on this PC's own disk:
{path}

Anyone who can use this PC could then open every record with the key. Save the sheet to a removable drive (USB stick) for the station safe, or print it instead.

Save here anyway?</source>
        <translation>所选文件夹位于本机的磁盘上：
{path}

能使用这台电脑的任何人都可以凭它打开全部记录。请把恢复密钥单保存到可移动存储设备（U 盘）并放入站点保险柜，或者改为打印。

仍然保存在这里吗？</translation>
    </message>
    <message>
        <source>Recovery sheet saved: {path}</source>
        <translation>恢复密钥单已保存：{path}</translation>
    </message>
    <message>
        <source>The recovery sheet could not be saved: </source>
        <translation>无法保存恢复密钥单：</translation>
    </message>
    <message>
        <source>The recovery sheet was sent to the printer.</source>
        <translation>恢复密钥单已发送到打印机。</translation>
    </message>
    <message>
        <source>The recovery sheet could not be printed: </source>
        <translation>无法打印恢复密钥单：</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>The vault is created. Keep this key safe: it is shown only now.</source>
        <translation>档案库已创建。请妥善保管恢复密钥：它只在此时显示这一次。</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Station profile</source>
        <translation>站点信息</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>How this station appears on reports and exports to the city office.</source>
        <translation>本站在报表和报送给市级办公室的数据中显示的信息。</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>站点名称</translation>
    </message>
    <message>
        <source>Station code</source>
        <translation>站点编码</translation>
    </message>
    <message>
        <source>Station kind</source>
        <translation>站点类型</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>所属地区</translation>
    </message>
    <message>
        <source>Vault ID</source>
        <translation>档案库编号</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Automatic lock</source>
        <translation>自动锁定</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Lock after no input for</source>
        <translation>无操作多久后锁定</translation>
    </message>
    <message>
        <source>1 to 60 minutes. The window hides every record until a password is given.</source>
        <translation>1 到 60 分钟。锁定后窗口隐藏全部记录，直到重新输入密码。</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Apply idle lock time</source>
        <translation>应用自动锁定时间</translation>
    </message>
    <message>
        <source>Device binding</source>
        <translation>设备绑定</translation>
    </message>
    <message>
        <source>Station signing key</source>
        <translation>站点签名密钥</translation>
    </message>
    <message>
        <source>Monthly exports are signed with this key. The city office registers its fingerprint; read it out in groups of four when they call to check.</source>
        <translation>每月报送的数据都用此密钥签名。市级办公室会登记它的指纹；对方来电核对时，请四个字符一组读出。</translation>
    </message>
    <message>
        <source>Key ID</source>
        <translation>密钥编号</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>Copy fingerprint</source>
        <translation>复制指纹</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>The recovery key on the sheet in the station safe opens the vault when passwords are forgotten. If the sheet is lost, or someone may have seen it, replace the key: the old sheet stops working at once.</source>
        <translation>站点保险柜中恢复密钥单上的恢复密钥，可在忘记密码时打开档案库。如果恢复密钥单丢失，或可能被他人看到，请更换恢复密钥：旧的恢复密钥单将立即失效。</translation>
    </message>
    <message>
        <source>Replace recovery key…</source>
        <translation>更换恢复密钥…</translation>
    </message>
    <message>
        <source>Device binding is on: the vault opens only on this PC.</source>
        <translation>已绑定设备：档案库只能在这台电脑上打开。</translation>
    </message>
    <message>
        <source>Device binding is off: it was declined explicitly when the vault was created.</source>
        <translation>未绑定设备：创建档案库时已明确选择不绑定。</translation>
    </message>
    <message>
        <source>Station profile saved.</source>
        <translation>站点信息已保存。</translation>
    </message>
    <message>
        <source>Saved: the window locks after {minutes} min without input.</source>
        <translation>已保存：无操作 {minutes} 分钟后自动锁定。</translation>
    </message>
    <message>
        <source>Replace the recovery key?</source>
        <translation>更换恢复密钥？</translation>
    </message>
    <message>
        <source>A new recovery key is made and the old one stops working at once: the recovery sheet in the station safe can then no longer open the vault. Print or save the new sheet in the next window, and destroy the old one.

Replace the recovery key now?</source>
        <translation>将生成新的恢复密钥，旧的恢复密钥立即失效：站点保险柜中的恢复密钥单将无法再打开档案库。请在接下来的窗口中打印或保存新的恢复密钥单，并销毁旧的。

现在更换恢复密钥吗？</translation>
    </message>
    <message>
        <source>Replacing the recovery key…</source>
        <translation>正在更换恢复密钥…</translation>
    </message>
    <message>
        <source>The recovery key was replaced. Destroy the old recovery sheet.</source>
        <translation>恢复密钥已更换。请销毁旧的恢复密钥单。</translation>
    </message>
    <message>
        <source>The recovery key was replaced, but keeping the new sheet was not confirmed. If it was not saved or printed, replace the key again.</source>
        <translation>恢复密钥已更换，但未确认已保管新的恢复密钥单。如果没有保存或打印，请再次更换恢复密钥。</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Psychological care station · First-run setup</source>
        <translation>心理健康服务站 · 首次设置</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation>创建档案库</translation>
    </message>
    <message>
        <source>Close without the recovery key?</source>
        <translation>不保存恢复密钥就关闭？</translation>
    </message>
    <message>
        <source>The vault has been created. Its recovery key is shown only in this window; the program keeps no copy. If you have not printed or saved the recovery sheet, it is lost once you close, and forgotten passwords can then no longer be reset.

Close setup anyway?</source>
        <translation>档案库已经创建。恢复密钥只在此窗口中显示，本程序不保存任何副本。如果您还没有打印或保存恢复密钥单，关闭后它将永久丢失，今后忘记密码时将无法重设。

仍然要关闭吗？</translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <source>Station profile</source>
        <translation>站点信息</translation>
    </message>
    <message>
        <source>How this station appears on reports and the recovery sheet.</source>
        <translation>本站在报表和恢复密钥单上显示的信息。</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>站点名称</translation>
    </message>
    <message>
        <source>Station code</source>
        <translation>站点编码</translation>
    </message>
    <message>
        <source>Letters, digits and hyphens, as assigned by the city office.</source>
        <translation>字母、数字或连字符，使用市级办公室分配的编码。</translation>
    </message>
    <message>
        <source>Station kind</source>
        <translation>站点类型</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>所属地区</translation>
    </message>
</context>
<context>
    <name>TemporaryPasswordDialog</name>
    <message>
        <source>Reset temporary password</source>
        <translation>重设临时密码</translation>
    </message>
    <message>
        <source>Reactivate user</source>
        <translation>重新启用用户</translation>
    </message>
    <message>
        <source>Psychological care station · Reset temporary password</source>
        <translation>心理健康服务站 · 重设临时密码</translation>
    </message>
    <message>
        <source>Psychological care station · Reactivate user</source>
        <translation>心理健康服务站 · 重新启用用户</translation>
    </message>
    <message>
        <source>Give the user this temporary password in person. They must choose a new password at their next sign-in.</source>
        <translation>请当面把临时密码告诉该用户。用户下次登录时须设置新密码。</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
    <message>
        <source>Repeat temporary password</source>
        <translation>再次输入临时密码</translation>
    </message>
    <message>
        <source>Setting the temporary password…</source>
        <translation>正在设置临时密码…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Everyone who uses this PC has their own account. Deactivated users cannot sign in; their records stay.</source>
        <translation>使用这台电脑的每个人都有自己的账户。停用的用户不能登录，其记录仍然保留。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Must change password</source>
        <translation>需改密码</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>新增用户…</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Reset temporary password…</source>
        <translation>重设临时密码…</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Reactivate…</source>
        <translation>重新启用…</translation>
    </message>
    <message>
        <source>User added. Give them the temporary password in person.</source>
        <translation>已新增用户。请当面把临时密码告诉该用户。</translation>
    </message>
    <message>
        <source>Deactivate user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <source>Deactivate {name} ({login})? They can no longer sign in; their records stay. You can reactivate the account later.</source>
        <translation>要停用 {name}（{login}）吗？停用后该用户不能再登录，其记录仍然保留。以后可以重新启用。</translation>
    </message>
    <message>
        <source>User deactivated.</source>
        <translation>已停用该用户。</translation>
    </message>
    <message>
        <source>Temporary password set. Give it to the user in person.</source>
        <translation>临时密码已设置。请当面告诉该用户。</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>This sets up the station's encrypted record vault on this PC.</source>
        <translation>此向导将在本机创建本站的加密档案库。</translation>
    </message>
    <message>
        <source>These steps take a few minutes:</source>
        <translation>整个过程只需几分钟：</translation>
    </message>
    <message>
        <source>1. Enter the station's name, code, kind and region.</source>
        <translation>1. 填写站点名称、编码、类型和所属地区。</translation>
    </message>
    <message>
        <source>2. Create the records custodian's account (the first user).</source>
        <translation>2. 创建档案管理员账户（第一位用户）。</translation>
    </message>
    <message>
        <source>3. Bind the vault to this PC's credential store.</source>
        <translation>3. 将档案库与本机的系统凭据存储绑定。</translation>
    </message>
    <message>
        <source>4. Create the encrypted vault and the station's signing key.</source>
        <translation>4. 创建加密档案库和本站的签名密钥。</translation>
    </message>
    <message>
        <source>5. Print or save the recovery key sheet for the station safe.</source>
        <translation>5. 打印或保存恢复密钥单，存放于站点保险柜。</translation>
    </message>
    <message>
        <source>All records are encrypted and stay on this PC. Nothing is sent anywhere; only what you explicitly export ever leaves it.</source>
        <translation>所有记录都加密保存在这台电脑上，不会发送到任何地方；只有您明确导出的内容才会离开本机。</translation>
    </message>
    <message>
        <source>Vault folder: {path}</source>
        <translation>档案库位置：{path}</translation>
    </message>
</context>
</TS>