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
    <name>AttendanceDialog</name>
    <message>
        <source>Psychological care station · Group session attendance</source>
        <translation>心理健康服务站 · 团体活动出勤</translation>
    </message>
    <message>
        <source>Save attendance</source>
        <translation>保存出勤</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} 分钟</translation>
    </message>
    <message>
        <source>Registered clients</source>
        <translation>登记来访者</translation>
    </message>
    <message>
        <source>Clients with a record here who took part. You can add only clients whose cases you may see.</source>
        <translation>本站有档案、参加了本次活动的来访者。只能添加您有权查看其个案的来访者。</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>已出勤</translation>
    </message>
    <message>
        <source>Registered clients who attended</source>
        <translation>已出勤的登记来访者</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Clients found</source>
        <translation>找到的来访者</translation>
    </message>
    <message>
        <source>{0} more registered clients, whose cases you may not see, are counted in the total.</source>
        <translation>另有 {0} 位登记来访者（您无权查看其个案）已计入合计。</translation>
    </message>
    <message>
        <source>No client found.</source>
        <translation>没有找到来访者。</translation>
    </message>
    <message>
        <source>Case code, alias or name</source>
        <translation>个案编号、代号或姓名</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Find a client</source>
        <translation>查找来访者</translation>
    </message>
    <message>
        <source>Add to attendance</source>
        <translation>加入出勤</translation>
    </message>
    <message>
        <source>Anonymous headcount</source>
        <translation>匿名人数</translation>
    </message>
    <message>
        <source>Participants not registered here, counted by gender and rank level.</source>
        <translation>未在本站登记的参加者，按性别和职级计人数。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Client No. {0} (no alias)</source>
        <translation>来访者 {0} 号（无代号）</translation>
    </message>
    <message>
        <source>Total: {total} (registered clients {registered}, anonymous {anonymous})</source>
        <translation>合计 {total} 人（登记来访者 {registered}，匿名 {anonymous}）</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <source>Saving attendance…</source>
        <translation>正在保存出勤…</translation>
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
    <name>CaseEditDialog</name>
    <message>
        <source>Edit case</source>
        <translation>编辑个案</translation>
    </message>
    <message>
        <source>Save case</source>
        <translation>保存个案</translation>
    </message>
    <message>
        <source>Case {0} · source and concerns</source>
        <translation>个案 {0} · 来源与主诉</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>主诉类别</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Talk trigger (七必谈)</source>
        <translation>七必谈情形</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>CaseForms</name>
    <message>
        <source>Discard your changes?</source>
        <translation>放弃未保存的内容？</translation>
    </message>
    <message>
        <source>What you typed in this form has not been saved. Close it and lose the changes?</source>
        <translation>此表单中填写的内容尚未保存。确定关闭并放弃这些内容吗？</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Psychological care station · {0}</source>
        <translation>心理健康服务站 · {0}</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <source>Case code</source>
        <translation>个案编号</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>来访者</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Age band</source>
        <translation>年龄段</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>咨询师</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开案日期</translation>
    </message>
    <message>
        <source>Last session</source>
        <translation>最近服务</translation>
    </message>
    <message>
        <source>Deleted (visible to the custodian only)</source>
        <translation>已删除（仅档案管理员可见）</translation>
    </message>
    <message>
        <source> (deleted)</source>
        <translation>（已删除）</translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <source>Cases</source>
        <translation>个案</translation>
    </message>
    <message>
        <source>Emergency access…</source>
        <translation>紧急查阅…</translation>
    </message>
    <message>
        <source>Open a colleague's case in a crisis, with a written reason</source>
        <translation>危机情况下查阅同事负责的个案，须写明原因</translation>
    </message>
    <message>
        <source>New client / case…</source>
        <translation>新建来访者/个案…</translation>
    </message>
    <message>
        <source>Register a client and open a case (Ctrl+N)</source>
        <translation>登记来访者并开立个案（Ctrl+N）</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open a case.</source>
        <translation>双击或按回车打开个案。</translation>
    </message>
    <message>
        <source>Case code, alias or name</source>
        <translation>个案编号、代号或姓名</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>查找个案</translation>
    </message>
    <message>
        <source>Case code, alias or name (Ctrl+F)</source>
        <translation>个案编号、代号或姓名（Ctrl+F）</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Any risk</source>
        <translation>全部风险等级</translation>
    </message>
    <message>
        <source>High or imminent</source>
        <translation>高或紧急</translation>
    </message>
    <message>
        <source>Risk: {0}</source>
        <translation>风险：{0}</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Any counsellor</source>
        <translation>全部咨询师</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>咨询师</translation>
    </message>
    <message>
        <source>Opened between</source>
        <translation>开案日期在</translation>
    </message>
    <message>
        <source>Limit the opening date</source>
        <translation>限定开案日期</translation>
    </message>
    <message>
        <source>Opened from</source>
        <translation>开案日期起</translation>
    </message>
    <message>
        <source>Opened until</source>
        <translation>开案日期止</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除条件</translation>
    </message>
    <message>
        <source>and</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <source>{0} cases</source>
        <translation>共 {0} 个个案</translation>
    </message>
    <message>
        <source>No case matches this search.</source>
        <translation>没有符合条件的个案。</translation>
    </message>
    <message>
        <source>There are no cases yet. Start with “New client / case…”.</source>
        <translation>还没有个案。可从“新建来访者/个案…”开始。</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>← Back</source>
        <translation>← 返回</translation>
    </message>
    <message>
        <source>Back to the list</source>
        <translation>返回列表</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>返回（Esc）</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>复制编号</translation>
    </message>
    <message>
        <source>The code is removed from the clipboard again after 30 seconds.</source>
        <translation>编号在 30 秒后会从剪贴板中清除。</translation>
    </message>
    <message>
        <source>Delete case…</source>
        <translation>删除个案…</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>来访者</translation>
    </message>
    <message>
        <source>Identity…</source>
        <translation>身份信息…</translation>
    </message>
    <message>
        <source>Show identity</source>
        <translation>显示身份信息</translation>
    </message>
    <message>
        <source>Shows name, unit and phone; each showing is written to the audit log.</source>
        <translation>显示姓名、单位和电话；每次查看都会记入审计日志。</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>身份信息</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Close case…</source>
        <translation>结案…</translation>
    </message>
    <message>
        <source>Counsellors</source>
        <translation>咨询师</translation>
    </message>
    <message>
        <source>Sharing…</source>
        <translation>共享…</translation>
    </message>
    <message>
        <source>Reassign…</source>
        <translation>改派…</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>知情同意</translation>
    </message>
    <message>
        <source>Consent…</source>
        <translation>知情同意…</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>主诉类别</translation>
    </message>
    <message>
        <source>Restore case</source>
        <translation>恢复个案</translation>
    </message>
    <message>
        <source>Purge for good…</source>
        <translation>彻底清除…</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Edit case…</source>
        <translation>编辑个案…</translation>
    </message>
    <message>
        <source>New session (Ctrl+Shift+N)</source>
        <translation>新增服务记录（Ctrl+Shift+N）</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>新增服务记录</translation>
    </message>
    <message>
        <source>Risk level…</source>
        <translation>风险等级…</translation>
    </message>
    <message>
        <source>Crisis event…</source>
        <translation>危机事件…</translation>
    </message>
    <message>
        <source>Plan follow-up…</source>
        <translation>计划回访…</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>No records yet. Press Ctrl+Shift+N to add the first session.</source>
        <translation>还没有记录。按 Ctrl+Shift+N 新增第一条服务记录。</translation>
    </message>
    <message>
        <source>Opening the case…</source>
        <translation>正在打开个案…</translation>
    </message>
    <message>
        <source>Case {0}</source>
        <translation>个案 {0}</translation>
    </message>
    <message>
        <source>Case code {0}</source>
        <translation>个案编号 {0}</translation>
    </message>
    <message>
        <source>Risk: {0}</source>
        <translation>风险：{0}</translation>
    </message>
    <message>
        <source>This case was deleted.</source>
        <translation>此个案已删除。</translation>
    </message>
    <message>
        <source>You are reading this case through emergency access, until {0}. Everything you do is written to the audit log.</source>
        <translation>您正在通过紧急查阅查看此个案，有效至 {0}。您的所有操作都会记入审计日志。</translation>
    </message>
    <message>
        <source>alias {0}</source>
        <translation>代号 {0}</translation>
    </message>
    <message>
        <source>(no alias)</source>
        <translation>（未登记代号）</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>{0} · opened {1}</source>
        <translation>{0} · {1} 开案</translation>
    </message>
    <message>
        <source> · closed {0}</source>
        <translation> · {0} 结案</translation>
    </message>
    <message>
        <source>Closing summary: {0}</source>
        <translation>结案小结：{0}</translation>
    </message>
    <message>
        <source> · shared with {0}</source>
        <translation> · 共享：{0}</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>limits of confidentiality explained</source>
        <translation>已说明保密限度</translation>
    </message>
    <message>
        <source>limits of confidentiality not explained</source>
        <translation>未说明保密限度</translation>
    </message>
    <message>
        <source>Form {0} · signed {1} · {2}</source>
        <translation>{0} · {1} 签署 · {2}</translation>
    </message>
    <message>
        <source>The case is closed: reopen it first.</source>
        <translation>个案已结案：请先重新开案。</translation>
    </message>
    <message>
        <source>Reopen case…</source>
        <translation>重新开案…</translation>
    </message>
    <message>
        <source>Close case</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Reopen case</source>
        <translation>重新开案</translation>
    </message>
    <message>
        <source>Copied; cleared from the clipboard in 30 seconds.</source>
        <translation>已复制，30 秒后从剪贴板清除。</translation>
    </message>
    <message>
        <source>Hide identity</source>
        <translation>隐藏身份信息</translation>
    </message>
    <message>
        <source>Opening the identity…</source>
        <translation>正在读取身份信息…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Anonymous client: no identity recorded.</source>
        <translation>匿名来访者，不登记身份信息。</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>职级</translation>
    </message>
    <message>
        <source>Post type</source>
        <translation>岗位类别</translation>
    </message>
    <message>
        <source>Unit type</source>
        <translation>单位类型</translation>
    </message>
    <message>
        <source>Delete this case?</source>
        <translation>删除此个案？</translation>
    </message>
    <message>
        <source>Case {0} is hidden from its counsellors. As custodian you can still see and restore it until it is purged. Delete it?</source>
        <translation>个案 {0} 将对咨询师隐藏。在彻底清除之前，档案管理员仍可查看和恢复。确定删除吗？</translation>
    </message>
    <message>
        <source>Deleting the case…</source>
        <translation>正在删除个案…</translation>
    </message>
    <message>
        <source>Restoring the case…</source>
        <translation>正在恢复个案…</translation>
    </message>
    <message>
        <source>Purge this case for good?</source>
        <translation>彻底清除此个案？</translation>
    </message>
    <message>
        <source>Every session, photo, follow-up and crisis record of case {0} is erased from the vault and cannot be restored. The audit log keeps only that a purge happened. Purge it?</source>
        <translation>个案 {0} 的全部服务记录、照片、回访和危机事件将从档案库中抹去，无法恢复。审计日志只记录发生过清除。确定彻底清除？</translation>
    </message>
    <message>
        <source>Purging the case…</source>
        <translation>正在彻底清除个案…</translation>
    </message>
    <message>
        <source>Choose a record in the timeline to see it here, or add a new session (Ctrl+Shift+N).</source>
        <translation>在时间线中选择一条记录即可在此查看，或新增服务记录（Ctrl+Shift+N）。</translation>
    </message>
    <message>
        <source>Risk level changed</source>
        <translation>风险等级调整</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>By</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Crisis event</source>
        <translation>危机事件</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>事件经过</translation>
    </message>
    <message>
        <source>Actions taken</source>
        <translation>处置措施</translation>
    </message>
    <message>
        <source>Safety plan</source>
        <translation>安全计划</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>回访方式</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>下次回访</translation>
    </message>
    <message>
        <source>Planned by</source>
        <translation>计划人</translation>
    </message>
    <message>
        <source>Record as done…</source>
        <translation>记录完成…</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>改期…</translation>
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
    <name>CloseCaseDialog</name>
    <message>
        <source>Close case</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Case {0} · close the case</source>
        <translation>个案 {0} · 结案</translation>
    </message>
    <message>
        <source>The record stays in the archive. Follow-ups can still be planned; a closed case can be reopened with a reason.</source>
        <translation>结案后档案仍然保留，仍可计划回访；如需继续服务，可写明原因重新开案。</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <source>Closing summary</source>
        <translation>结案小结</translation>
    </message>
    <message>
        <source>Closing the case…</source>
        <translation>正在结案…</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Informed consent</source>
        <translation>知情同意</translation>
    </message>
    <message>
        <source>Save consent</source>
        <translation>保存知情同意</translation>
    </message>
    <message>
        <source>Case {0} · informed consent</source>
        <translation>个案 {0} · 知情同意</translation>
    </message>
    <message>
        <source>e.g. 2026版</source>
        <translation>例如 2026版</translation>
    </message>
    <message>
        <source>The limits of confidentiality were explained to the client</source>
        <translation>已向来访者说明保密的限度</translation>
    </message>
    <message>
        <source>Limits of confidentiality explained</source>
        <translation>已说明保密的限度</translation>
    </message>
    <message>
        <source>Form version</source>
        <translation>知情同意书版本</translation>
    </message>
    <message>
        <source>Date signed</source>
        <translation>签署日期</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
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
    <name>CrisisDialog</name>
    <message>
        <source>Crisis event</source>
        <translation>危机事件</translation>
    </message>
    <message>
        <source>Save crisis event</source>
        <translation>保存危机事件</translation>
    </message>
    <message>
        <source>Case {0} · correct a crisis event</source>
        <translation>个案 {0} · 更正危机事件</translation>
    </message>
    <message>
        <source>Case {0} · record a crisis event</source>
        <translation>个案 {0} · 记录危机事件</translation>
    </message>
    <message>
        <source>Actions taken</source>
        <translation>处置措施</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>事件经过</translation>
    </message>
    <message>
        <source>Safety plan</source>
        <translation>安全计划</translation>
    </message>
    <message>
        <source>At least high (default)</source>
        <translation>至少为“高”（默认）</translation>
    </message>
    <message>
        <source>Risk level after the event</source>
        <translation>事件后的风险等级</translation>
    </message>
    <message>
        <source>Now: {0}</source>
        <translation>当前：{0}</translation>
    </message>
    <message>
        <source>Reason for the level</source>
        <translation>风险等级的依据</translation>
    </message>
    <message>
        <source>The risk level is not changed here: use “Risk level…”.</source>
        <translation>此处不调整风险等级，请使用“风险等级…”。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
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
    <name>DashboardPage</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Today's sessions</source>
        <translation>今日服务</translation>
    </message>
    <message>
        <source>No sessions are planned for today.</source>
        <translation>今天没有安排的服务。</translation>
    </message>
    <message>
        <source>Overdue follow-ups</source>
        <translation>逾期回访</translation>
    </message>
    <message>
        <source>No follow-up is overdue.</source>
        <translation>没有逾期的回访。</translation>
    </message>
    <message>
        <source>High-risk cases</source>
        <translation>高风险个案</translation>
    </message>
    <message>
        <source>No open case is at high or imminent risk.</source>
        <translation>目前没有风险等级为高或紧急的个案。</translation>
    </message>
    <message>
        <source>Emergency access</source>
        <translation>紧急查阅</translation>
    </message>
    <message>
        <source>Nobody has used emergency access recently.</source>
        <translation>近期没有紧急查阅。</translation>
    </message>
    <message>
        <source>Nobody has used emergency access to your cases recently.</source>
        <translation>近期没有人紧急查阅您负责的个案。</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>new cases</source>
        <translation>新开个案</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>服务人次</translation>
    </message>
    <message>
        <source>cases closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>follow-ups done</source>
        <translation>完成回访</translation>
    </message>
    <message>
        <source>Counts for the whole station; no person's record is shown to your role.</source>
        <translation>全站汇总数字；您的角色不显示任何个人记录。</translation>
    </message>
    <message>
        <source>Counts for the cases you may see.</source>
        <translation>按您可查看的个案统计。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Today is {0}</source>
        <translation>今天是 {0}</translation>
    </message>
    <message>
        <source>This month ({0}-{1:02d})</source>
        <translation>本月统计（{0}-{1:02d}）</translation>
    </message>
    <message>
        <source>time not set</source>
        <translation>未定时间</translation>
    </message>
    <message>
        <source>due {0}</source>
        <translation>应于 {0} 回访</translation>
    </message>
    <message>
        <source>{0} days overdue</source>
        <translation>逾期 {0} 天</translation>
    </message>
    <message>
        <source>since {0}</source>
        <translation>自 {0} 起</translation>
    </message>
    <message>
        <source>{0} opened it in an emergency</source>
        <translation>{0} 紧急查阅</translation>
    </message>
    <message>
        <source>until {0}</source>
        <translation>有效至 {0}</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已失效</translation>
    </message>
    <message>
        <source>Reason: {0}</source>
        <translation>原因：{0}</translation>
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
    <name>EmergencyDialog</name>
    <message>
        <source>Emergency access</source>
        <translation>紧急查阅</translation>
    </message>
    <message>
        <source>Open the case now</source>
        <translation>打开个案</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Emergency access to a colleague's case</source>
        <translation>紧急查阅同事负责的个案</translation>
    </message>
    <message>
        <source>Use this only in a crisis, when the case's counsellor cannot be reached. Your access is written to the audit log with your reason; the case's counsellor and the records custodian will see it on their dashboard. It ends by itself after {0} hours.</source>
        <translation>仅在危机情况下、联系不上负责咨询师时使用。您的查阅及原因会写入审计日志，负责该个案的咨询师和档案管理员会在工作台上看到。查阅权限 {0} 小时后自动失效。</translation>
    </message>
    <message>
        <source>Case code</source>
        <translation>个案编号</translation>
    </message>
    <message>
        <source>e.g. 2026-0042</source>
        <translation>例如 2026-0042</translation>
    </message>
    <message>
        <source>The full code, as the colleague or the paper file gives it.</source>
        <translation>完整的个案编号，以同事告知或纸质档案为准。</translation>
    </message>
    <message>
        <source>What happened, and why the case cannot wait for its counsellor</source>
        <translation>发生了什么，为什么不能等负责的咨询师处理</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>At least {0} characters.</source>
        <translation>至少 {0} 个字。</translation>
    </message>
    <message>
        <source>I understand that this access is recorded and shown to others.</source>
        <translation>我了解此次查阅会被记录，并告知相关人员。</translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Tick the box to confirm that you understand.</source>
        <translation>请先勾选确认。</translation>
    </message>
    <message>
        <source>No case has this code. Check it and type it again.</source>
        <translation>没有找到这个个案编号，请核对后重新输入。</translation>
    </message>
    <message>
        <source>Checking the case code…</source>
        <translation>正在核对个案编号…</translation>
    </message>
</context>
<context>
    <name>FollowUpCompleteDialog</name>
    <message>
        <source>Follow-up done</source>
        <translation>回访完成</translation>
    </message>
    <message>
        <source>Save outcome</source>
        <translation>保存回访结果</translation>
    </message>
    <message>
        <source>Case {0} · follow-up due {1} by {2}</source>
        <translation>个案 {0} · {1} 的{2}回访</translation>
    </message>
    <message>
        <source>Plan the next follow-up</source>
        <translation>计划下次回访</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <source>Next due date</source>
        <translation>下次回访日期</translation>
    </message>
    <message>
        <source>The next follow-up keeps the same method.</source>
        <translation>下次回访沿用本次的回访方式。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>FollowUpPlanDialog</name>
    <message>
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Save follow-up</source>
        <translation>保存回访计划</translation>
    </message>
    <message>
        <source>Save new date</source>
        <translation>保存新日期</translation>
    </message>
    <message>
        <source>Case {0} · plan a follow-up</source>
        <translation>个案 {0} · 计划回访</translation>
    </message>
    <message>
        <source>Case {0} · reschedule the follow-up</source>
        <translation>个案 {0} · 回访改期</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>回访方式</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>GroupSessionDialog</name>
    <message>
        <source>Psychological care station · Edit group session</source>
        <translation>心理健康服务站 · 编辑团体活动</translation>
    </message>
    <message>
        <source>Psychological care station · New group session</source>
        <translation>心理健康服务站 · 新增团体活动</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Add session</source>
        <translation>新增活动</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Activity room</source>
        <translation>活动室</translation>
    </message>
    <message>
        <source>Activity notes</source>
        <translation>活动记录</translation>
    </message>
    <message>
        <source>What the group did. Write no names: attendance is recorded separately.</source>
        <translation>记录活动内容，不要写姓名：出勤另行登记。</translation>
    </message>
    <message>
        <source>Adding the session…</source>
        <translation>正在新增活动…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>GroupTotalsPanel</name>
    <message>
        <source>Figures only: the group sessions held in the month and their attendance, counted per session. Nothing here points to a person.</source>
        <translation>只有数字：当月举行的团体活动及出勤人次（按场次累计），不含任何个人信息。</translation>
    </message>
    <message>
        <source>Programmes with sessions</source>
        <translation>开展活动的项目</translation>
    </message>
    <message>
        <source>Sessions held</source>
        <translation>活动场次</translation>
    </message>
    <message>
        <source>Registered clients (attendances)</source>
        <translation>登记来访者（人次）</translation>
    </message>
    <message>
        <source>Anonymous headcount (attendances)</source>
        <translation>匿名参加者（人次）</translation>
    </message>
    <message>
        <source>Total attendance</source>
        <translation>出勤合计（人次）</translation>
    </message>
    <message>
        <source>By theme</source>
        <translation>按主题</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Attendances</source>
        <translation>出勤人次</translation>
    </message>
    <message>
        <source>By gender and rank level</source>
        <translation>按性别和职级</translation>
    </message>
    <message>
        <source>Anonymous headcounts plus registered clients with gender and rank on record.</source>
        <translation>匿名人数，加上已记录性别和职级的登记来访者。</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>{0} attendances of registered clients without gender or rank level on record are counted in the total only.</source>
        <translation>另有 {0} 人次的登记来访者未记录性别或职级，只计入合计。</translation>
    </message>
</context>
<context>
    <name>GroupsPage</name>
    <message>
        <source>Group work</source>
        <translation>团体辅导</translation>
    </message>
    <message>
        <source>Your role sees the monthly figures of group work only, never a programme's sessions or who attended.</source>
        <translation>您的角色只能查看团体辅导的月度统计数字，看不到具体项目、活动或出勤人员。</translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation>团体项目</translation>
    </message>
    <message>
        <source>Monthly totals</source>
        <translation>月度统计</translation>
    </message>
    <message>
        <source>Group counselling programmes (stress management, music relaxation, salons, team building). Open one to record its sessions and attendance.</source>
        <translation>团体辅导项目（压力管理、音乐放松、心理沙龙、团队建设等）。打开项目即可登记各次活动和出勤。</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Facilitators</source>
        <translation>带领者</translation>
    </message>
    <message>
        <source>Group programmes</source>
        <translation>团体辅导项目</translation>
    </message>
    <message>
        <source>No group programme yet. Start with “New programme…”.</source>
        <translation>还没有团体辅导项目。点“新建团体…”开始。</translation>
    </message>
    <message>
        <source>New programme…</source>
        <translation>新建团体…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>‹ All programmes</source>
        <translation>‹ 全部项目</translation>
    </message>
    <message>
        <source>Back to all programmes</source>
        <translation>返回全部项目</translation>
    </message>
    <message>
        <source>Edit programme…</source>
        <translation>编辑项目…</translation>
    </message>
    <message>
        <source>Delete programme</source>
        <translation>删除项目</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>创建人</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Group sessions</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Latest group session</source>
        <translation>最近活动</translation>
    </message>
    <message>
        <source>Programme description</source>
        <translation>项目说明</translation>
    </message>
    <message>
        <source>Activity room</source>
        <translation>活动室</translation>
    </message>
    <message>
        <source>Attendances</source>
        <translation>出勤人次</translation>
    </message>
    <message>
        <source>Sessions of the programme</source>
        <translation>本项目的活动</translation>
    </message>
    <message>
        <source>New session…</source>
        <translation>新增活动…</translation>
    </message>
    <message>
        <source>Attendance…</source>
        <translation>登记出勤…</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>回车键</translation>
    </message>
    <message>
        <source>Edit session…</source>
        <translation>编辑活动…</translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>删除活动</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} 分钟</translation>
    </message>
    <message>
        <source>Registered clients {0} · anonymous {1}</source>
        <translation>登记来访者 {0} · 匿名 {1}</translation>
    </message>
    <message>
        <source>Delete the programme “{0}” with its {1} sessions and their attendance? The records custodian can still see deleted records.</source>
        <translation>删除项目“{0}”及其 {1} 次活动和出勤记录吗？档案管理员仍可查看已删除的记录。</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>正在删除…</translation>
    </message>
    <message>
        <source>Programme deleted.</source>
        <translation>项目已删除。</translation>
    </message>
    <message>
        <source>Delete this session and its attendance?</source>
        <translation>删除这次活动及其出勤记录吗？</translation>
    </message>
</context>
<context>
    <name>GuardedFormDialog</name>
    <message>
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <source>What you entered has not been saved. Close without saving?</source>
        <translation>填写的内容尚未保存。不保存就关闭吗？</translation>
    </message>
</context>
<context>
    <name>HeadcountGrid</name>
    <message>
        <source>Total</source>
        <translation>合计</translation>
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
    <name>ImportDialog</name>
    <message>
        <source>Psychological care station · Import register</source>
        <translation>心理健康服务站 · 导入台账</translation>
    </message>
    <message>
        <source>Import a register</source>
        <translation>导入台账</translation>
    </message>
    <message>
        <source>Bring in a station's Excel or CSV register, one service contact per row. Every row is checked first; nothing is imported until the file is clean or you choose to import only the rows without errors.</source>
        <translation>导入站点原有的 Excel 或 CSV 台账，每行一次服务。程序先检查每一行；在文件全部无误、或您选择只导入无误的行之前，不会导入任何记录。</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>尚未选择文件</translation>
    </message>
    <message>
        <source>Register file</source>
        <translation>台账文件</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Save the import template…</source>
        <translation>保存导入模板…</translation>
    </message>
    <message>
        <source>Start from the template: it has the 15 columns and the allowed values.</source>
        <translation>建议从导入模板开始：模板有全部 15 列和各列的可选值。</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Cancel check</source>
        <translation>取消检查</translation>
    </message>
    <message>
        <source>What the file holds</source>
        <translation>文件内容</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Rows without errors</source>
        <translation>无误的行</translation>
    </message>
    <message>
        <source>Rows with errors</source>
        <translation>有误的行</translation>
    </message>
    <message>
        <source>New clients</source>
        <translation>新来访者</translation>
    </message>
    <message>
        <source>Clients already on record</source>
        <translation>已有来访者</translation>
    </message>
    <message>
        <source>New cases</source>
        <translation>新个案</translation>
    </message>
    <message>
        <source>Open cases continued</source>
        <translation>续接的进行中个案</translation>
    </message>
    <message>
        <source>Service sessions</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Rows with errors: correct them in the file and choose it again.</source>
        <translation>以下各行有误：请在文件中改正后重新选择文件。</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import only the rows without errors…</source>
        <translation>仅导入无误的行…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Choose the register to import</source>
        <translation>选择要导入的台账</translation>
    </message>
    <message>
        <source>Registers (*.xlsx *.csv);;Excel workbooks (*.xlsx);;CSV files (*.csv)</source>
        <translation>台账文件 (*.xlsx *.csv);;Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>The file could not be read: {0}</source>
        <translation>无法读取文件：{0}</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在检查每一行…</translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation>已取消检查。</translation>
    </message>
    <message>
        <source>Every row is correct. Import puts them all in at once.</source>
        <translation>每一行都无误。点“导入”一次全部导入。</translation>
    </message>
    <message>
        <source>No row can be imported.</source>
        <translation>没有可以导入的行。</translation>
    </message>
    <message>
        <source>Import only the rows without errors</source>
        <translation>仅导入无误的行</translation>
    </message>
    <message>
        <source>{good} rows will be imported; the {bad} rows with errors will be left out and must be entered by hand or imported later. Import now?</source>
        <translation>将导入 {good} 行；{bad} 行有误，不会导入，需要手工录入或改正后另行导入。现在导入吗？</translation>
    </message>
    <message>
        <source>Importing in one step; this cannot be interrupted…</source>
        <translation>正在一次性导入，中途不能取消…</translation>
    </message>
    <message>
        <source>Imported {rows} rows in one step.</source>
        <translation>已一次导入 {rows} 行。</translation>
    </message>
    <message>
        <source>Clients: {created} new, {matched} already on record. Cases: {cases} opened, {continued} continued. Service sessions: {sessions}.</source>
        <translation>来访者：新建 {created} 位，已有 {matched} 位。个案：新建 {cases} 个，续接 {continued} 个。服务记录：{sessions} 条。</translation>
    </message>
    <message>
        <source>{0} rows with errors were left out.</source>
        <translation>有误的 {0} 行未导入。</translation>
    </message>
    <message>
        <source>The register holds personal data: delete the original file or keep it encrypted, as the station's rules say.</source>
        <translation>台账含有个人信息：请按本站规定删除原始文件或加密保存。</translation>
    </message>
    <message>
        <source>Save the import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <source>Register import template.xlsx</source>
        <translation>台账导入模板.xlsx</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Template saved: {0}</source>
        <translation>模板已保存：{0}</translation>
    </message>
    <message>
        <source>The template could not be saved: {0}</source>
        <translation>无法保存模板：{0}</translation>
    </message>
</context>
<context>
    <name>LectureDialog</name>
    <message>
        <source>Psychological care station · Edit lecture</source>
        <translation>心理健康服务站 · 编辑讲座培训</translation>
    </message>
    <message>
        <source>Psychological care station · New lecture</source>
        <translation>心理健康服务站 · 新增讲座培训</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Add lecture</source>
        <translation>新增讲座</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>主讲人</translation>
    </message>
    <message>
        <source>The lecturer or the organisation giving the lecture.</source>
        <translation>主讲人或主办单位。</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>听众人数</translation>
    </message>
    <message>
        <source>Count the audience by gender and rank level. Nobody is named.</source>
        <translation>按性别和职级填写听众人数，不记录姓名。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Only {0}, who entered this lecture, or the custodian can change it.</source>
        <translation>只有录入这条记录的 {0} 或档案管理员可以修改。</translation>
    </message>
    <message>
        <source>Audience in total: {0}</source>
        <translation>听众合计：{0} 人</translation>
    </message>
    <message>
        <source>Adding the lecture…</source>
        <translation>正在新增讲座…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>LectureTotalsBox</name>
    <message>
        <source>Lectures and trainings</source>
        <translation>讲座培训场次</translation>
    </message>
    <message>
        <source>Audience in total</source>
        <translation>听众合计（人次）</translation>
    </message>
    <message>
        <source>Totals of {0}</source>
        <translation>{0}合计</translation>
    </message>
</context>
<context>
    <name>LecturesPage</name>
    <message>
        <source>Lectures and training</source>
        <translation>讲座与培训</translation>
    </message>
    <message>
        <source>Your role sees the monthly figures only.</source>
        <translation>您的角色只能查看月度统计数字。</translation>
    </message>
    <message>
        <source>Lectures and trainings for cadres, with the audience counted by gender and rank level. No one in the audience is named.</source>
        <translation>面向干部的讲座和培训，听众按性别和职级计人数，不记录任何人的姓名。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>主讲人</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>听众人数</translation>
    </message>
    <message>
        <source>Lectures of the month</source>
        <translation>当月讲座培训</translation>
    </message>
    <message>
        <source>No lecture in this month.</source>
        <translation>本月没有讲座培训记录。</translation>
    </message>
    <message>
        <source>New lecture…</source>
        <translation>新增讲座…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>回车键</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Delete lecture</source>
        <translation>删除讲座</translation>
    </message>
    <message>
        <source>Delete this lecture and its audience counts?</source>
        <translation>删除这条讲座培训记录及其听众人数吗？</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>正在删除…</translation>
    </message>
    <message>
        <source>Lecture deleted.</source>
        <translation>记录已删除。</translation>
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
        <source>New client / case…</source>
        <translation>新建来访者/个案…</translation>
    </message>
    <message>
        <source>Find a case</source>
        <translation>查找个案</translation>
    </message>
    <message>
        <source>Emergency access…</source>
        <translation>紧急查阅…</translation>
    </message>
    <message>
        <source>Import register…</source>
        <translation>导入台账…</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>个案</translation>
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
        <source>Groups and lectures</source>
        <translation>团体与讲座</translation>
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
    <message>
        <source>Group work</source>
        <translation>团体辅导</translation>
    </message>
    <message>
        <source>Lectures and training</source>
        <translation>讲座与培训</translation>
    </message>
</context>
<context>
    <name>MonthPicker</name>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>下个月</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>New client and case</source>
        <translation>新建来访者与个案</translation>
    </message>
    <message>
        <source>Register and open the case</source>
        <translation>登记并开立个案</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Fields marked * are needed. Everything else can be added later in the case.</source>
        <translation>带 * 的为必填项，其余内容可以稍后在个案中补充。</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>来访者</translation>
    </message>
    <message>
        <source>By real name</source>
        <translation>实名</translation>
    </message>
    <message>
        <source>Anonymously (alias only)</source>
        <translation>匿名（只登记代号）</translation>
    </message>
    <message>
        <source>Register by real name</source>
        <translation>实名登记</translation>
    </message>
    <message>
        <source>Register anonymously</source>
        <translation>匿名登记</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <source>Alias *</source>
        <translation>匿名代号 *</translation>
    </message>
    <message>
        <source>A code name the client agrees to, e.g. 青松. No real name.</source>
        <translation>与来访者商定的代号，例如“青松”。不要使用真实姓名。</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <source>Name and phone of a person to call in a crisis.</source>
        <translation>危机时可联系的人的姓名和电话。</translation>
    </message>
    <message>
        <source>For the statistics</source>
        <translation>统计信息</translation>
    </message>
    <message>
        <source>Counted in the monthly figures without any name. Leave a field open when the client prefers not to say.</source>
        <translation>只用于月度统计，不含姓名。来访者不愿透露的可以不填。</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>未填</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <source>Shown only as an age band.</source>
        <translation>只以年龄段显示。</translation>
    </message>
    <message>
        <source>Rank level</source>
        <translation>职级</translation>
    </message>
    <message>
        <source>Finer rank (optional)</source>
        <translation>具体职级（可选）</translation>
    </message>
    <message>
        <source>Post type</source>
        <translation>岗位类别</translation>
    </message>
    <message>
        <source>Unit type</source>
        <translation>单位类型</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>个案</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>Source *</source>
        <translation>来源 *</translation>
    </message>
    <message>
        <source>Seven must-talks *</source>
        <translation>七必谈情形 *</translation>
    </message>
    <message>
        <source>Which of the seven must-talks led to the heart-to-heart talk.</source>
        <translation>引发这次谈心谈话的七必谈情形。</translation>
    </message>
    <message>
        <source>Concerns *</source>
        <translation>主诉类别 *</translation>
    </message>
    <message>
        <source>Tick every concern the client brings; at least one.</source>
        <translation>勾选来访者提到的所有困扰，至少一项。</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>开案日期</translation>
    </message>
    <message>
        <source>First risk judgement</source>
        <translation>初步风险判断</translation>
    </message>
    <message>
        <source>High and imminent cases stay on the dashboard until lowered.</source>
        <translation>风险为高或紧急的个案会一直显示在工作台上，直到下调。</translation>
    </message>
    <message>
        <source>Basis of the judgement</source>
        <translation>判断依据</translation>
    </message>
    <message>
        <source>Counsellor *</source>
        <translation>负责咨询师 *</translation>
    </message>
    <message>
        <source>Informed consent</source>
        <translation>知情同意</translation>
    </message>
    <message>
        <source>The client has signed the consent form</source>
        <translation>来访者已签署知情同意书</translation>
    </message>
    <message>
        <source>Consent form signed</source>
        <translation>已签署知情同意书</translation>
    </message>
    <message>
        <source>It can also be recorded later in the case.</source>
        <translation>也可以稍后在个案中补录。</translation>
    </message>
    <message>
        <source>Form version *</source>
        <translation>同意书版本 *</translation>
    </message>
    <message>
        <source>e.g. 2026版</source>
        <translation>例如 2026版</translation>
    </message>
    <message>
        <source>Signed on *</source>
        <translation>签署日期 *</translation>
    </message>
    <message>
        <source>The limits of confidentiality were explained to the client</source>
        <translation>已向来访者说明保密的限度</translation>
    </message>
    <message>
        <source>Limits of confidentiality explained</source>
        <translation>已说明保密的限度</translation>
    </message>
    <message>
        <source>Only an alias is kept: no name, unit or phone number is recorded.</source>
        <translation>只保留代号：不记录姓名、单位和电话。</translation>
    </message>
    <message>
        <source>Name, unit and phone are seen only by the client's counsellors and the records custodian.</source>
        <translation>姓名、单位和电话只有负责的咨询师和档案管理员可以看到。</translation>
    </message>
    <message>
        <source>Registering the client and opening the case…</source>
        <translation>正在登记来访者并开立个案…</translation>
    </message>
    <message>
        <source>Discard the form?</source>
        <translation>放弃填写的内容？</translation>
    </message>
    <message>
        <source>What you entered has not been saved. Close the form and discard it?</source>
        <translation>填写的内容还没有保存。确定关闭并放弃吗？</translation>
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
    <name>PhotoViewer</name>
    <message>
        <source>Psychological care station · Sandplay photo</source>
        <translation>心理健康服务站 · 沙盘照片</translation>
    </message>
    <message>
        <source>Tray photo</source>
        <translation>沙盘照片</translation>
    </message>
    <message>
        <source>e.g. first tray, the bridge</source>
        <translation>例如：初始沙盘、小桥</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>照片说明</translation>
    </message>
    <message>
        <source>Save caption</source>
        <translation>保存说明</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一张</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一张</translation>
    </message>
    <message>
        <source>Remove photo…</source>
        <translation>删除照片…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Photo {0} of {1}</source>
        <translation>第 {0} 张，共 {1} 张</translation>
    </message>
    <message>
        <source>Opening the photo…</source>
        <translation>正在打开照片…</translation>
    </message>
    <message>
        <source>This photo cannot be shown.</source>
        <translation>无法显示这张照片。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Caption saved.</source>
        <translation>说明已保存。</translation>
    </message>
    <message>
        <source>Remove this photo?</source>
        <translation>删除这张照片？</translation>
    </message>
    <message>
        <source>The photo is deleted from the archive for good; it cannot be restored. Remove it?</source>
        <translation>照片将从档案库中彻底删除，无法恢复。确定删除吗？</translation>
    </message>
    <message>
        <source>Removing the photo…</source>
        <translation>正在删除照片…</translation>
    </message>
</context>
<context>
    <name>ProgrammeDialog</name>
    <message>
        <source>Psychological care station · Edit group programme</source>
        <translation>心理健康服务站 · 编辑团体项目</translation>
    </message>
    <message>
        <source>Psychological care station · New group programme</source>
        <translation>心理健康服务站 · 新建团体</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Create programme</source>
        <translation>新建团体</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Programme title</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Facilitators</source>
        <translation>带领者</translation>
    </message>
    <message>
        <source>Tick everyone who leads the sessions (Space ticks the selected name).</source>
        <translation>勾选所有带领者（空格键勾选当前选中的姓名）。</translation>
    </message>
    <message>
        <source>Programme description</source>
        <translation>项目说明</translation>
    </message>
    <message>
        <source>Tick at least one facilitator.</source>
        <translation>请至少勾选一位带领者。</translation>
    </message>
    <message>
        <source>Creating the programme…</source>
        <translation>正在新建团体…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>Reassign case</source>
        <translation>改派个案</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>改派</translation>
    </message>
    <message>
        <source>Case {0} · now with {1}</source>
        <translation>个案 {0} · 目前由{1}负责</translation>
    </message>
    <message>
        <source>Keep the previous counsellor as a colleague on the case</source>
        <translation>原咨询师保留为本个案的共享同事</translation>
    </message>
    <message>
        <source>Keep the previous counsellor</source>
        <translation>保留原咨询师</translation>
    </message>
    <message>
        <source>New counsellor</source>
        <translation>新的负责咨询师</translation>
    </message>
    <message>
        <source>Loading counsellors…</source>
        <translation>正在读取咨询师名单…</translation>
    </message>
    <message>
        <source>There is no other active counsellor.</source>
        <translation>没有其他在用的咨询师。</translation>
    </message>
    <message>
        <source>Reassigning…</source>
        <translation>正在改派…</translation>
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
    <name>ReopenCaseDialog</name>
    <message>
        <source>Reopen case</source>
        <translation>重新开案</translation>
    </message>
    <message>
        <source>Case {0} · reopen the case</source>
        <translation>个案 {0} · 重新开案</translation>
    </message>
    <message>
        <source>Reason for reopening</source>
        <translation>重新开案原因</translation>
    </message>
    <message>
        <source>Reopening the case…</source>
        <translation>正在重新开案…</translation>
    </message>
</context>
<context>
    <name>RiskDialog</name>
    <message>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Save risk level</source>
        <translation>保存风险等级</translation>
    </message>
    <message>
        <source>Case {0} · current risk level: {1}</source>
        <translation>个案 {0} · 当前风险等级：{1}</translation>
    </message>
    <message>
        <source>New risk level</source>
        <translation>新的风险等级</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>What the judgement rests on. Needed when a high or imminent risk is lowered.</source>
        <translation>评估的依据。从“高”或“紧急”下调时必须填写。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>SandplayPanel</name>
    <message>
        <source>Sandplay details</source>
        <translation>沙盘详情</translation>
    </message>
    <message>
        <source>Separate with 、, e.g. 房子、小桥、大树</source>
        <translation>用顿号分隔，例如：房子、小桥、大树</translation>
    </message>
    <message>
        <source>Separate with 、, e.g. 保护、分离</source>
        <translation>用顿号分隔，例如：保护、分离</translation>
    </message>
    <message>
        <source>e.g. 3rd of 8, early stage</source>
        <translation>例如：第3次（共8次）、初期</translation>
    </message>
    <message>
        <source>Miniatures used</source>
        <translation>使用的沙具</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Stage in the series</source>
        <translation>系列阶段</translation>
    </message>
    <message>
        <source>The client's story</source>
        <translation>来访者的叙述</translation>
    </message>
    <message>
        <source>Counsellor's observations</source>
        <translation>咨询师观察</translation>
    </message>
    <message>
        <source>Tray photos</source>
        <translation>沙盘照片</translation>
    </message>
    <message>
        <source>Photos are kept only inside the encrypted archive, never as separate files. At most {0} photos per session.</source>
        <translation>照片只保存在加密档案库中，不会另存为文件。每次沙盘最多 {0} 张。</translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Save this session first; photos can then be added.</source>
        <translation>请先保存本次服务记录，然后即可添加照片。</translation>
    </message>
    <message>
        <source>Double-click a photo, or select it and press Enter, to see it larger.</source>
        <translation>双击照片，或选中后按回车键，可查看大图。</translation>
    </message>
    <message>
        <source>{0} of at most {1} photos</source>
        <translation>已有 {0} 张，最多 {1} 张</translation>
    </message>
    <message>
        <source>No photos yet.</source>
        <translation>还没有照片。</translation>
    </message>
    <message>
        <source>Loading photos…</source>
        <translation>正在读取照片…</translation>
    </message>
    <message>
        <source>Photo {0}</source>
        <translation>照片 {0}</translation>
    </message>
    <message>
        <source>Photo {0}: {1}</source>
        <translation>照片 {0}：{1}</translation>
    </message>
    <message>
        <source>Add a tray photo</source>
        <translation>添加沙盘照片</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</source>
        <translation>照片 (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</translation>
    </message>
    <message>
        <source>Adding the photo…</source>
        <translation>正在添加照片…</translation>
    </message>
    <message>
        <source>The chosen file cannot be read.</source>
        <translation>无法读取所选文件。</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <source>{0} more not shown here: find them in the case list.</source>
        <translation>另有 {0} 项未在此显示，请在个案列表中查看。</translation>
    </message>
</context>
<context>
    <name>SessionForm</name>
    <message>
        <source>e.g. 14:30</source>
        <translation>例如 14:30</translation>
    </message>
    <message>
        <source>e.g. sandplay room</source>
        <translation>例如：沙盘室</translation>
    </message>
    <message>
        <source>Kind of service</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Duration (minutes)</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>咨询室</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>咨询师</translation>
    </message>
    <message>
        <source>Presenting situation</source>
        <translation>来访情况</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>干预措施</translation>
    </message>
    <message>
        <source>Observation and assessment</source>
        <translation>观察评估</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>后续计划</translation>
    </message>
    <message>
        <source>Risk judgement</source>
        <translation>风险评估</translation>
    </message>
    <message>
        <source>Becomes the case's risk level when this is its latest session.</source>
        <translation>若这是本个案最近的一次服务，此评估即成为个案当前的风险等级。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Delete session…</source>
        <translation>删除记录…</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Only you can see this (process note)</source>
        <translation>仅自己可见（过程记录）</translation>
    </message>
    <message>
        <source>Your own working notes on this session. Nobody else sees them — not colleagues who share the case, not the custodian — and they are never printed or exported.</source>
        <translation>您本人对这次服务的工作笔记。其他人都看不到——共享个案的同事和档案管理员也看不到，也不会被打印或导出。</translation>
    </message>
    <message>
        <source>Private process note (only you can see it)</source>
        <translation>过程记录（仅自己可见）</translation>
    </message>
    <message>
        <source>New session · {0}</source>
        <translation>新增服务记录 · {0}</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Session of {0} · {1}</source>
        <translation>{0} 的服务记录 · {1}</translation>
    </message>
    <message>
        <source>Opening the session…</source>
        <translation>正在打开服务记录…</translation>
    </message>
    <message>
        <source>This session was deleted.</source>
        <translation>这条服务记录已删除。</translation>
    </message>
    <message>
        <source>Read only.</source>
        <translation>只读。</translation>
    </message>
    <message>
        <source>Enter the start time as hours and minutes, e.g. 14:30.</source>
        <translation>请按“时:分”填写开始时间，例如 14:30。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Session saved; the sandplay details were not.</source>
        <translation>服务记录已保存，但沙盘详情未保存。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Delete this session?</source>
        <translation>删除这条服务记录？</translation>
    </message>
    <message>
        <source>The session is marked as deleted: the counsellors no longer see it; the custodian still can. Delete it?</source>
        <translation>这条记录将被标记为删除：咨询师不再看到它，档案管理员仍可查看。确定删除吗？</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>正在删除…</translation>
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
    <name>SharingDialog</name>
    <message>
        <source>Sharing</source>
        <translation>共享</translation>
    </message>
    <message>
        <source>Save sharing</source>
        <translation>保存共享</translation>
    </message>
    <message>
        <source>Case {0} · share with colleagues</source>
        <translation>个案 {0} · 与同事共享</translation>
    </message>
    <message>
        <source>Colleagues you tick see this case and its client's identity and can add records to it. Private process notes stay with their author.</source>
        <translation>勾选的同事可以查看本个案及来访者身份信息，并可添加记录。过程记录仍只有作者本人可见。</translation>
    </message>
    <message>
        <source>Colleagues</source>
        <translation>同事</translation>
    </message>
    <message>
        <source>There is no other active counsellor.</source>
        <translation>没有其他在用的咨询师。</translation>
    </message>
    <message>
        <source>Loading colleagues…</source>
        <translation>正在读取同事名单…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
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
    <name>TimelineModel</name>
    <message>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Crisis event</source>
        <translation>危机事件</translation>
    </message>
    <message>
        <source>Follow-up · done</source>
        <translation>回访 · 已完成</translation>
    </message>
    <message>
        <source>Follow-up · overdue</source>
        <translation>回访 · 逾期</translation>
    </message>
    <message>
        <source>Follow-up · planned</source>
        <translation>回访 · 计划</translation>
    </message>
    <message>
        <source>risk judgement: {0}</source>
        <translation>风险评估：{0}</translation>
    </message>
    <message>
        <source>next due {0}</source>
        <translation>下次回访 {0}</translation>
    </message>
    <message>
        <source>{0} days overdue</source>
        <translation>逾期 {0} 天</translation>
    </message>
    <message>
        <source>not yet done</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>By</source>
        <translation>记录人</translation>
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