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
    <name>AssessmentDetailDialog</name>
    <message>
        <source>Psychological care station · Assessment</source>
        <translation>心理服务站 · 测评记录</translation>
    </message>
    <message>
        <source>Why is this entry withdrawn? (e.g. typed in for the wrong case)</source>
        <translation>为什么撤回这条记录？（例如：录到了别的个案）</translation>
    </message>
    <message>
        <source>Reason for withdrawing</source>
        <translation>撤回理由</translation>
    </message>
    <message>
        <source>Withdraw the entry</source>
        <translation>确认撤回</translation>
    </message>
    <message>
        <source>Withdraw (entered in error)…</source>
        <translation>撤回（录入有误）…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
    <message>
        <source>no total</source>
        <translation>无总分</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>作答</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>全部作答</translation>
    </message>
    <message>
        <source>some unanswered</source>
        <translation>有未答题目</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Subscales</source>
        <translation>分量表</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>题号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>(not answered)</source>
        <translation>（未作答）</translation>
    </message>
    <message>
        <source>Withdrawing…</source>
        <translation>正在撤回…</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <source>Psychological care station · Enter an assessment</source>
        <translation>心理服务站 · 录入测评</translation>
    </message>
    <message>
        <source>Save assessment</source>
        <translation>保存测评</translation>
    </message>
    <message>
        <source>Case {0} · enter a paper form</source>
        <translation>个案 {0} · 录入纸质量表</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>量表</translation>
    </message>
    <message>
        <source>Date filled in</source>
        <translation>填写日期</translation>
    </message>
    <message>
        <source>The date on the paper form; not in the future.</source>
        <translation>纸质量表上的填写日期，不能晚于今天。</translation>
    </message>
    <message>
        <source>Loading the scales…</source>
        <translation>正在读取量表…</translation>
    </message>
    <message>
        <source>Change the scale?</source>
        <translation>更换量表？</translation>
    </message>
    <message>
        <source>The answers typed for this scale are cleared. Change the scale?</source>
        <translation>已为当前量表录入的答案将被清除。确定更换量表吗？</translation>
    </message>
    <message>
        <source>Opening the scale…</source>
        <translation>正在打开量表…</translation>
    </message>
    <message>
        <source>Answered {0} of {1} items</source>
        <translation>已答 {0} / {1} 题</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>未作答</translation>
    </message>
    <message>
        <source>Save without a total?</source>
        <translation>不计总分也保存吗？</translation>
    </message>
    <message>
        <source>{0} items are not answered. By this scale's rule no total can be given with that many missing. Save the answers anyway?</source>
        <translation>有 {0} 道题未作答。按本量表的规则，缺答这么多题时不能计算总分。仍要保存这些答案吗？</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved: {0}</source>
        <translation>已保存：{0}</translation>
    </message>
    <message>
        <source>no total (too many items unanswered)</source>
        <translation>不计总分（未答题目过多）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>作答</translation>
    </message>
    <message>
        <source>{0} of {1} items</source>
        <translation>{0} / {1} 题</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Warnings raised</source>
        <translation>触发的预警</translation>
    </message>
    <message>
        <source>Each warning stays open on the dashboard and in the case until its response is recorded.</source>
        <translation>每条预警都会留在工作台和个案中，直到记录了处理方式。</translation>
    </message>
    <message>
        <source>No warning rule fired.</source>
        <translation>未触发预警。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>Assessments</name>
    <message>
        <source>Case {0}</source>
        <translation>个案 {0}</translation>
    </message>
    <message>
        <source>Screening {0}</source>
        <translation>筛查 {0}</translation>
    </message>
    <message>
        <source>Level: {0}</source>
        <translation>级别：{0}</translation>
    </message>
    <message>
        <source>{0} {1} ({2} items)</source>
        <translation>{0} {1}（{2} 题）</translation>
    </message>
    <message>
        <source>{0} points</source>
        <translation>{0} 分</translation>
    </message>
    <message>
        <source>Raised {0} · open</source>
        <translation>{0} 触发 · 待处理</translation>
    </message>
    <message>
        <source>Raised {0} · answered: {1}</source>
        <translation>{0} 触发 · 已处理：{1}</translation>
    </message>
    <message>
        <source>Respond…</source>
        <translation>处理…</translation>
    </message>
    <message>
        <source>Respond to the warning: {0}</source>
        <translation>处理预警：{0}</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>打开个案</translation>
    </message>
    <message>
        <source>Stay with the person. Keep calm and caring.</source>
        <translation>留在来访者身边，保持平静、关切。</translation>
    </message>
    <message>
        <source>Ask directly about thoughts of suicide or self-harm, and about plans and preparations. Asking does not raise the risk.</source>
        <translation>直接询问是否有自杀或自伤的想法，以及是否有计划和准备。询问本身不会增加风险。</translation>
    </message>
    <message>
        <source>Remove or keep away anything that could be used for self-harm.</source>
        <translation>移走或远离可能用来伤害自己的物品和手段。</translation>
    </message>
    <message>
        <source>Do not leave the person alone; if you must step out, a colleague stays.</source>
        <translation>不要让其独处；如需离开，请同事陪同。</translation>
    </message>
    <message>
        <source>Contact the emergency contact and the unit lead as the station's crisis protocol says.</source>
        <translation>按本站危机干预流程联系紧急联系人和单位负责人。</translation>
    </message>
    <message>
        <source>When there is immediate danger, call 120 (ambulance) or 110 (police) at once.</source>
        <translation>有紧急危险时，立即拨打 120（急救）或 110（报警）。</translation>
    </message>
    <message>
        <source>The psychological-aid hotline {0} is available around the clock.</source>
        <translation>可拨打心理援助热线 {0}。</translation>
    </message>
    <message>
        <source>Record a crisis event for the case and raise its risk level.</source>
        <translation>为本个案记录危机事件，并调高风险等级。</translation>
    </message>
    <message>
        <source>Assessments ({0} open warnings)</source>
        <translation>测评（{0} 条待处理预警）</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>测评</translation>
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
    <name>CaseAssessmentsPane</name>
    <message>
        <source>Warnings</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>No warning on this case.</source>
        <translation>本个案没有预警。</translation>
    </message>
    <message>
        <source>Scores over time</source>
        <translation>分数趋势</translation>
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
        <source>Blank consent form…</source>
        <translation>空白知情同意书…</translation>
    </message>
    <message>
        <source>Print the informed consent form for a client to sign before intake</source>
        <translation>打印知情同意书，供来访者在登记前签署</translation>
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
    <name>CaseSummaryDialog</name>
    <message>
        <source>Case summary</source>
        <translation>个案摘要</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The case's timeline for an authorised request: dates, kinds of service, risk levels, referrals and follow-ups. Building it is written to the audit log.</source>
        <translation>按经批准的调阅申请生成本个案的时间线：日期、服务类型、风险等级、转介和回访。生成摘要会写入审计日志。</translation>
    </message>
    <message>
        <source>Include session notes</source>
        <translation>包含咨询记录内容</translation>
    </message>
    <message>
        <source>Only when the request needs the contents of the sessions. Counsellors' private process notes are never included.</source>
        <translation>仅在申请确需咨询内容时勾选。咨询师的个人过程记录任何情况下都不包含在内。</translation>
    </message>
    <message>
        <source>Preparing the summary…</source>
        <translation>正在生成个案摘要…</translation>
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
        <source>Referrals</source>
        <translation>转介</translation>
    </message>
    <message>
        <source>Consent form…</source>
        <translation>知情同意书…</translation>
    </message>
    <message>
        <source>Print the informed consent form with this case's code.</source>
        <translation>打印带本个案编号的知情同意书。</translation>
    </message>
    <message>
        <source>Case summary…</source>
        <translation>个案摘要…</translation>
    </message>
    <message>
        <source>Enter assessment…</source>
        <translation>录入测评…</translation>
    </message>
    <message>
        <source>Type in a paper form (Ctrl+Shift+A)</source>
        <translation>录入纸质量表（Ctrl+Shift+A）</translation>
    </message>
    <message>
        <source>Client fills in…</source>
        <translation>本人自填…</translation>
    </message>
    <message>
        <source>The client answers a scale on this computer, full-screen</source>
        <translation>来访者在本机全屏填写量表</translation>
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
        <source>Save first</source>
        <translation>请先保存</translation>
    </message>
    <message>
        <source>Save or close the record you are editing first: the program locks while the client fills in the form.</source>
        <translation>请先保存或关闭正在编辑的记录：来访者填写期间程序会锁定。</translation>
    </message>
    <message>
        <source>Reading the scores…</source>
        <translation>正在读取分数…</translation>
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
        <source>Assessment</source>
        <translation>测评</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>量表</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>no total</source>
        <translation>无总分</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>raised: see the Assessments tab</source>
        <translation>已触发：见“测评”标签页</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Answers and warnings…</source>
        <translation>作答与预警…</translation>
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
    <name>CityKeyDialog</name>
    <message>
        <source>City office key</source>
        <translation>市办公室公钥</translation>
    </message>
    <message>
        <source>Save key</source>
        <translation>保存公钥</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Exports are encrypted to the city office's public key (it starts with age1), so only the city office can open them. The city office gives it to you as a short text or as the file city-recipient.txt. Leave the field empty to remove the key: exports are then signed but not encrypted.</source>
        <translation>导出用市办公室的公钥（以 age1 开头）加密，只有市办公室能打开。市办公室会以一段短文本或 city-recipient.txt 文件的形式提供公钥。清空输入框即删除公钥：此后的导出只签名、不加密。</translation>
    </message>
    <message>
        <source>City office public key</source>
        <translation>市级公钥</translation>
    </message>
    <message>
        <source>Paste the text, or load it from the file.</source>
        <translation>粘贴公钥文本，或从文件读取。</translation>
    </message>
    <message>
        <source>Load from file…</source>
        <translation>从文件读取…</translation>
    </message>
    <message>
        <source>City office key file</source>
        <translation>市办公室公钥文件</translation>
    </message>
    <message>
        <source>Key file (*.txt);;All files (*)</source>
        <translation>公钥文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The file cannot be read as text.</source>
        <translation>无法把该文件作为文本读取。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>CityWindow</name>
    <message>
        <source>City office — station statistics</source>
        <translation>市办公室 — 站点统计汇总</translation>
    </message>
    <message>
        <source>City office: monthly station statistics</source>
        <translation>市干部心理健康服务办公室：站点月度统计</translation>
    </message>
    <message>
        <source>Workspace folder: {0}</source>
        <translation>工作文件夹：{0}</translation>
    </message>
    <message>
        <source>Month shown</source>
        <translation>显示的月份</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Write reports (xlsx + PDF)…</source>
        <translation>生成报表（xlsx + PDF）…</translation>
    </message>
    <message>
        <source>Stations and keys</source>
        <translation>站点与公钥</translation>
    </message>
    <message>
        <source>Import exports</source>
        <translation>导入导出</translation>
    </message>
    <message>
        <source>No export has been imported yet.</source>
        <translation>还没有导入任何导出。</translation>
    </message>
    <message>
        <source>City tables</source>
        <translation>全市汇总</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation>报送情况</translation>
    </message>
    <message>
        <source>Exports are accepted only from stations whose key is registered here. Register a key once, at first contact, after comparing its fingerprint with the station's recovery sheet.</source>
        <translation>只接收已在此登记公钥的站点的导出。首次联系时登记一次，登记前须与该站恢复密钥单上的指纹核对。</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
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
        <source>Months delivered</source>
        <translation>已报送月份</translation>
    </message>
    <message>
        <source>Last No.</source>
        <translation>最新序号</translation>
    </message>
    <message>
        <source>Registered stations</source>
        <translation>已登记的站点</translation>
    </message>
    <message>
        <source>No station key is registered yet: add the first one below.</source>
        <translation>还没有登记任何站点公钥：请在下方登记第一把。</translation>
    </message>
    <message>
        <source>Add a station key…</source>
        <translation>登记站点公钥…</translation>
    </message>
    <message>
        <source>A station's .pub file, or an export (its station.pub) at first contact</source>
        <translation>站点的 .pub 公钥文件，或首次联系时站点的导出（其中的 station.pub）</translation>
    </message>
    <message>
        <source>The city office key</source>
        <translation>市办公室密钥</translation>
    </message>
    <message>
        <source>City office public key for the stations</source>
        <translation>提供给各站点的市办公室公钥</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Create the city office key…</source>
        <translation>创建市办公室密钥…</translation>
    </message>
    <message>
        <source>Choose the USB stick (or a folder) with the stations' exports: every export in it is checked (signature, registered station, sequence, month) and the good ones are kept even when others are refused.</source>
        <translation>选择存放站点导出的U盘（或文件夹）：其中每一份导出都会被校验（签名、登记站点、序号、月份），即使有导出被拒收，合格的导出也会保留。</translation>
    </message>
    <message>
        <source>Import from a folder…</source>
        <translation>从文件夹导入…</translation>
    </message>
    <message>
        <source>Import one file…</source>
        <translation>导入单个文件…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>导入进度</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Accepted exports</source>
        <translation>已接收的导出</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒收</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Refused exports</source>
        <translation>已拒收的导出</translation>
    </message>
    <message>
        <source>Figure shown in the chart</source>
        <translation>图中显示的指标</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>The chart draws exact city figures only; ranges and “*” are listed in the table below. Change: against the previous month, when both are exact.</source>
        <translation>图中只画确切的全市数字；区间和“*”列在下表中。变化：与上月相比（两月都是确切数字时）。</translation>
    </message>
    <message>
        <source>Key figures by month</source>
        <translation>主要指标逐月数值</translation>
    </message>
    <message>
        <source>Exports delivered by station and month</source>
        <translation>各站点各月报送情况</translation>
    </message>
    <message>
        <source>No. n: the export used (its sequence number). Missing: nothing received.</source>
        <translation>第 n 号：采用的导出（其序号）。未收到：该月没有收到该站的导出。</translation>
    </message>
    <message>
        <source>Reading the workspace…</source>
        <translation>正在读取工作文件夹…</translation>
    </message>
    <message>
        <source>Adding up the stations' figures…</source>
        <translation>正在汇总各站点数字…</translation>
    </message>
    <message>
        <source>(waiting for its first export)</source>
        <translation>（等待首次导出）</translation>
    </message>
    <message>
        <source>(key removed)</source>
        <translation>（公钥已移除）</translation>
    </message>
    <message>
        <source>A station's key, or an export</source>
        <translation>站点公钥或导出</translation>
    </message>
    <message>
        <source>Station key or export (*.pub *.age *.tar);;All files (*)</source>
        <translation>站点公钥或导出 (*.pub *.age *.tar);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading the key…</source>
        <translation>正在读取公钥…</translation>
    </message>
    <message>
        <source>Give this public key to every station's records custodian (export page, “Set the city office key”). It is also in the file city-recipient.txt in the workspace folder.</source>
        <translation>请把这把公钥交给各站点的档案管理员（在报送页面“设置市办公室公钥”）。它也保存在工作文件夹的 city-recipient.txt 文件中。</translation>
    </message>
    <message>
        <source>There is no city office key yet: stations can only send signed, unencrypted exports. Create the key, then give its public half to the stations.</source>
        <translation>还没有市办公室密钥：各站点只能报送签名但未加密的导出。请创建密钥，再把其中的公钥交给各站点。</translation>
    </message>
    <message>
        <source>City office key created</source>
        <translation>市办公室密钥已创建</translation>
    </message>
    <message>
        <source>Give this public key to every station:
{0}

Keep the passphrase safe: without it, encrypted exports cannot be opened.</source>
        <translation>请把这把公钥交给各站点：
{0}

请妥善保管口令：没有口令就无法打开加密的导出。</translation>
    </message>
    <message>
        <source>The USB stick or folder with the exports</source>
        <translation>存放导出的U盘或文件夹</translation>
    </message>
    <message>
        <source>No station export found in this folder (names start with station-).</source>
        <translation>这个文件夹中没有站点导出（名称以 station- 开头）。</translation>
    </message>
    <message>
        <source>One export</source>
        <translation>单个导出</translation>
    </message>
    <message>
        <source>Station export (*.tar.age *.tar);;All files (*)</source>
        <translation>站点导出 (*.tar.age *.tar);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Accepted ({0})</source>
        <translation>已接收（{0}）</translation>
    </message>
    <message>
        <source>Refused ({0})</source>
        <translation>已拒收（{0}）</translation>
    </message>
    <message>
        <source>{0} accepted, {1} refused.</source>
        <translation>接收 {0} 份，拒收 {1} 份。</translation>
    </message>
    <message>
        <source>Ask the station concerned to export again; each refusal gives its reason.</source>
        <translation>请相关站点重新导出；每份拒收都注明了原因。</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>主要指标</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Stations delivered</source>
        <translation>报送站点数</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>未收到</translation>
    </message>
    <message>
        <source>No. {0}</source>
        <translation>第 {0} 号</translation>
    </message>
    <message>
        <source>{0}: {1} of {2} stations delivered.</source>
        <translation>{0}：{2} 个站点中已报送 {1} 个。</translation>
    </message>
    <message>
        <source>Missing: {0}.</source>
        <translation>未报送：{0}。</translation>
    </message>
    <message>
        <source>Write the city reports into this folder</source>
        <translation>把全市报表写入这个文件夹</translation>
    </message>
    <message>
        <source>Writing the workbook and the PDF…</source>
        <translation>正在生成工作簿和 PDF…</translation>
    </message>
    <message>
        <source>Written: {0} and {1}</source>
        <translation>已生成：{0} 和 {1}</translation>
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
    <name>CreateIdentityDialog</name>
    <message>
        <source>Create the city office key</source>
        <translation>创建市办公室密钥</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>创建密钥</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stations encrypt their exports to this key, so only the city office can open them. The key is kept in the workspace folder, locked with a passphrase. Without the passphrase, encrypted exports cannot be opened: keep it in the office safe.</source>
        <translation>各站点用这把密钥加密导出，只有市办公室能打开。密钥保存在工作文件夹中，用口令锁定。没有口令就无法打开加密的导出：请把口令存放在办公室保险柜中。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>再次输入口令</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <source>Creating the key…</source>
        <translation>正在创建密钥…</translation>
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
    <name>CrisisPromptDialog</name>
    <message>
        <source>Psychological care station · Critical warning</source>
        <translation>心理服务站 · 危急预警</translation>
    </message>
    <message>
        <source>Critical warning: follow the crisis steps now</source>
        <translation>危急预警：请立即按危机干预步骤处理</translation>
    </message>
    <message>
        <source>Crisis steps</source>
        <translation>危机干预步骤</translation>
    </message>
    <message>
        <source>Record a crisis event…</source>
        <translation>记录危机事件…</translation>
    </message>
    <message>
        <source>Raise the risk level…</source>
        <translation>调整风险等级…</translation>
    </message>
    <message>
        <source>The warning stays on the dashboard until its response is recorded.</source>
        <translation>记录处理方式之前，该预警会一直留在工作台上。</translation>
    </message>
    <message>
        <source>I have read the steps</source>
        <translation>我已阅读以上步骤</translation>
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
        <source>Referrals awaiting feedback</source>
        <translation>待反馈的转介</translation>
    </message>
    <message>
        <source>No sent referral is waiting too long for feedback.</source>
        <translation>没有超期未反馈的转介。</translation>
    </message>
    <message>
        <source>Open warnings</source>
        <translation>待处理预警</translation>
    </message>
    <message>
        <source>No assessment warning is waiting for a response.</source>
        <translation>没有待处理的测评预警。</translation>
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
        <source>{0} more not shown here: find them in their cases.</source>
        <translation>另有 {0} 条未在此显示，请在相应个案中查看。</translation>
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
        <source>sent {0} days ago</source>
        <translation>已发出 {0} 天</translation>
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
    <name>DestinationCombo</name>
    <message>
        <source>Type to search the directory, or open the list</source>
        <translation>输入关键字搜索目录，或展开列表选择</translation>
    </message>
</context>
<context>
    <name>DestinationDialog</name>
    <message>
        <source>Psychological care station · Edit destination</source>
        <translation>心理健康服务站 · 编辑转介去向</translation>
    </message>
    <message>
        <source>Psychological care station · Add destination</source>
        <translation>心理健康服务站 · 新增转介去向</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Add to directory</source>
        <translation>加入目录</translation>
    </message>
    <message>
        <source>New destination</source>
        <translation>新的转介去向</translation>
    </message>
    <message>
        <source>Choose a kind</source>
        <translation>请选择类别</translation>
    </message>
    <message>
        <source>Destination name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>A hospital department, a clinic, or an expert's name and title.</source>
        <translation>医院科室、机构名称，或专家姓名和职称。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Specialties</source>
        <translation>擅长领域</translation>
    </message>
    <message>
        <source>e.g. depression, anxiety, sleep problems, crisis intervention</source>
        <translation>例如：抑郁、焦虑、睡眠障碍、危机干预</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Phone, address, contact person, opening hours.</source>
        <translation>电话、地址、联系人、接诊时间。</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>How to refer there: appointments, what to bring, costs.</source>
        <translation>转介须知：如何预约、需携带的材料、费用等。</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>正在添加…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>DestinationsPage</name>
    <message>
        <source>Referral directory</source>
        <translation>转介去向目录</translation>
    </message>
    <message>
        <source>Hospitals, clinics, experts and hotlines to refer to (the expert resource pool). The records custodian keeps this directory.</source>
        <translation>可转介的医院、专业机构、专家和热线（专家资源库）。本目录由档案管理员维护。</translation>
    </message>
    <message>
        <source>Hospitals, clinics, experts and hotlines to refer to (the expert resource pool). Only the records custodian can change it: tell them about a new contact or a change.</source>
        <translation>可转介的医院、专业机构、专家和热线（专家资源库）。只有档案管理员可以修改；如有新的联系渠道或变动，请告知档案管理员。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Filter by kind</source>
        <translation>按类别筛选</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Name, specialty, contact or note</source>
        <translation>名称、擅长领域、联系方式或备注</translation>
    </message>
    <message>
        <source>Search the directory</source>
        <translation>搜索转介去向目录</translation>
    </message>
    <message>
        <source>Show retired</source>
        <translation>显示已停用</translation>
    </message>
    <message>
        <source>Show retired entries</source>
        <translation>显示已停用的条目</translation>
    </message>
    <message>
        <source>Destination name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Specialties</source>
        <translation>擅长领域</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>转介次数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Referral destinations</source>
        <translation>转介去向</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Add destination…</source>
        <translation>新增去向…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>No new referrals go there; past referrals keep it.</source>
        <translation>停用后不能再转介到这里；已有的转介仍保留该去向。</translation>
    </message>
    <message>
        <source>Reading the directory…</source>
        <translation>正在读取目录…</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>The directory is empty. Start with “Add destination…”.</source>
        <translation>目录为空。请从“新增去向…”开始。</translation>
    </message>
    <message>
        <source>The directory is empty. Ask the records custodian to fill it.</source>
        <translation>目录为空。请档案管理员添加条目。</translation>
    </message>
    <message>
        <source>Nothing matches the filter.</source>
        <translation>没有符合筛选条件的条目。</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <source>Destination added.</source>
        <translation>已新增转介去向。</translation>
    </message>
    <message>
        <source>Changes saved.</source>
        <translation>修改已保存。</translation>
    </message>
    <message>
        <source>Retire destination</source>
        <translation>停用转介去向</translation>
    </message>
    <message>
        <source>Retire “{0}”? No new referral can go there; the {1} referrals that used it keep it. You can reactivate it later.</source>
        <translation>停用“{0}”？停用后不能再转介到这里；已有的 {1} 条转介仍保留该去向。以后可以重新启用。</translation>
    </message>
    <message>
        <source>Reactivated.</source>
        <translation>已重新启用。</translation>
    </message>
    <message>
        <source>Retired.</source>
        <translation>已停用。</translation>
    </message>
    <message>
        <source>Retired. Tick “Show retired” to see it again.</source>
        <translation>已停用。勾选“显示已停用”可再次查看。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
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
    <name>DigitEntry</name>
    <message>
        <source>{0} items: one digit each, the value ticked ({1}). A space or - for an unanswered item.</source>
        <translation>共 {0} 题：每题输入一位数字，即所选的分值（{1}）。未答的题输入空格或 -。</translation>
    </message>
    <message>
        <source>{0} items: one digit each, the position of the ticked box: 1 = “{1}” … {2} = “{3}”. A space or - for an unanswered item.</source>
        <translation>共 {0} 题：每题输入一位数字，即所选选项的位置：1 =“{1}”… {2} =“{3}”。未答的题输入空格或 -。</translation>
    </message>
    <message>
        <source>{0} items: the values ticked, separated by commas; leave an unanswered item empty.</source>
        <translation>共 {0} 题：输入所选的分值，用逗号分隔；未答的题留空。</translation>
    </message>
    <message>
        <source>Item {0}: “{1}” is not an answer; type {2}.</source>
        <translation>第 {0} 题：“{1}”不是有效答案，请输入 {2}。</translation>
    </message>
    <message>
        <source>Too many answers: {0} typed, the scale has {1} items.</source>
        <translation>答案太多：输入了 {0} 个，该量表只有 {1} 题。</translation>
    </message>
    <message>
        <source>Leave empty if the person did not fill this scale.</source>
        <translation>此人未填写该量表时请留空。</translation>
    </message>
    <message>
        <source>All {0} items typed ({1} answered).</source>
        <translation>{0} 题已全部输入（作答 {1} 题）。</translation>
    </message>
    <message>
        <source>{0} of {1} items typed.</source>
        <translation>已输入 {0}/{1} 题。</translation>
    </message>
    <message>
        <source>Only {0} of {1} items typed. Type a space or - for an unanswered item.</source>
        <translation>只输入了 {0}/{1} 题。未答的题请输入空格或 -。</translation>
    </message>
    <message>
        <source>No item is answered: leave the field empty instead.</source>
        <translation>没有任何一题作答：请直接留空。</translation>
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
    <name>ExchangeSettings</name>
    <message>
        <source>Forms and referrals</source>
        <translation>表单与转介</translation>
    </message>
    <message>
        <source>e.g. phone 0000-0000000, Room 201</source>
        <translation>例如：电话 0000-0000000，201 室</translation>
    </message>
    <message>
        <source>Station contact</source>
        <translation>站点联系方式</translation>
    </message>
    <message>
        <source>Printed on referral and consent forms.</source>
        <translation>打印在转介单和知情同意书上。</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Referral feedback due after</source>
        <translation>转介反馈提醒</translation>
    </message>
    <message>
        <source>A sent referral with no feedback after this many days shows on Home.</source>
        <translation>转介发出后超过此天数仍无反馈，将在工作台提醒。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save forms and referral settings</source>
        <translation>保存表单与转介设置</translation>
    </message>
    <message>
        <source>Statistics policy</source>
        <translation>统计发布策略</translation>
    </message>
    <message>
        <source>Counts below the threshold are hidden as “*” in every export. The city office may send a policy file with other thresholds (never below 3).</source>
        <translation>小于阈值的计数在所有导出中显示为“*”。市级办公室可下发策略文件调整阈值（不得低于 3）。</translation>
    </message>
    <message>
        <source>Load policy file…</source>
        <translation>载入策略文件…</translation>
    </message>
    <message>
        <source>Use the defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>Thresholds: services and attendance {standard}; sensitive tables {sensitive}.</source>
        <translation>阈值：服务与出勤类 {standard}；敏感类 {sensitive}。</translation>
    </message>
    <message>
        <source>Issued by {who}</source>
        <translation>发布单位：{who}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Load policy file</source>
        <translation>载入策略文件</translation>
    </message>
    <message>
        <source>Policy files (*.toml);;All files (*)</source>
        <translation>策略文件 (*.toml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The file could not be read as a UTF-8 text file.</source>
        <translation>无法以 UTF-8 文本读取该文件。</translation>
    </message>
    <message>
        <source>Policy applied to the next export.</source>
        <translation>策略已生效，用于下次导出。</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Monthly export to the city office</source>
        <translation>每月报送市办公室</translation>
    </message>
    <message>
        <source>Only the de-identified monthly figures leave the station. Choose a month, check exactly what will leave, then write it to a USB stick.</source>
        <translation>离开本站的只有去标识化的月度汇总数字。请选择月份，核对将要报送的全部内容，然后写入U盘。</translation>
    </message>
    <message>
        <source>1. Choose a month</source>
        <translation>第一步：选择月份</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Preview what will leave</source>
        <translation>预览将要报送的内容</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>3. Write to a USB stick</source>
        <translation>第三步：写入U盘</translation>
    </message>
    <message>
        <source>Where to write the export</source>
        <translation>导出写入位置</translation>
    </message>
    <message>
        <source>Write to</source>
        <translation>写入位置</translation>
    </message>
    <message>
        <source>Look for drives again</source>
        <translation>重新查找U盘</translation>
    </message>
    <message>
        <source>Another folder…</source>
        <translation>其他文件夹…</translation>
    </message>
    <message>
        <source>City office key…</source>
        <translation>市办公室公钥…</translation>
    </message>
    <message>
        <source>Write the export</source>
        <translation>写入导出</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>导出进度</translation>
    </message>
    <message>
        <source>Exports written</source>
        <translation>已写出的导出</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>题号</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>写出时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>加密</translation>
    </message>
    <message>
        <source>Export log</source>
        <translation>导出记录</translation>
    </message>
    <message>
        <source>Nothing has been exported yet.</source>
        <translation>还没有导出过。</translation>
    </message>
    <message>
        <source>2. Check what will leave</source>
        <translation>第二步：核对将要报送的内容</translation>
    </message>
    <message>
        <source>Choose a month and press Preview: the tables that will leave show here.</source>
        <translation>选择月份后点“预览”，将要报送的表格会显示在这里。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Can be released</source>
        <translation>可以发布</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>暂不能发布</translation>
    </message>
    <message>
        <source>Exporting again sends the same figures, with a new sequence number.</source>
        <translation>再次导出的数字完全相同，序号递增。</translation>
    </message>
    <message>
        <source>Exporting releases the month: its figures are then final.</source>
        <translation>导出即发布该月统计，此后数字不再更改。</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No: signed only</source>
        <translation>否（只签名）</translation>
    </message>
    <message>
        <source>Encrypted to the city office key ({0}): only the city office can open it.</source>
        <translation>将用市办公室公钥（{0}）加密：只有市办公室能打开。</translation>
    </message>
    <message>
        <source>No city office key is set yet: this export is signed but NOT encrypted.</source>
        <translation>尚未设置市级公钥：本次导出只签名、不加密。</translation>
    </message>
    <message>
        <source>The records custodian can set the key.</source>
        <translation>档案管理员可以设置市级公钥。</translation>
    </message>
    <message>
        <source>Change the city office key…</source>
        <translation>更换市办公室公钥…</translation>
    </message>
    <message>
        <source>Set the city office key…</source>
        <translation>设置市办公室公钥…</translation>
    </message>
    <message>
        <source>Press Preview to see the tables that will leave for this month.</source>
        <translation>点“预览”查看该月将要报送的表格。</translation>
    </message>
    <message>
        <source>Counting and protecting the figures…</source>
        <translation>正在统计并做小数保护…</translation>
    </message>
    <message>
        <source>This is exactly what will leave the station.</source>
        <translation>以下就是将要报送出站的全部内容，与导出文件完全一致。</translation>
    </message>
    <message>
        <source>The month was released before: these figures are final.</source>
        <translation>该月已发布过：这些数字不再更改。</translation>
    </message>
    <message>
        <source>Writing the export releases the month with these figures.</source>
        <translation>写入导出即以这些数字发布该月统计。</translation>
    </message>
    <message>
        <source>{0} figures are not published and show as *.</source>
        <translation>共 {0} 个数字不予公布，显示为 *。</translation>
    </message>
    <message>
        <source>{0} {1} — {2} free</source>
        <translation>{0} {1} — 可用 {2}</translation>
    </message>
    <message>
        <source>Folder: {0}</source>
        <translation>文件夹：{0}</translation>
    </message>
    <message>
        <source>No USB stick found. Insert one and press “Look for drives again”, or choose another folder.</source>
        <translation>没有找到U盘。请插入U盘后点“重新查找U盘”，或选择其他文件夹。</translation>
    </message>
    <message>
        <source>{0} removable drive(s) found.</source>
        <translation>找到 {0} 个可移动磁盘。</translation>
    </message>
    <message>
        <source>Looking for drives…</source>
        <translation>正在查找U盘…</translation>
    </message>
    <message>
        <source>Write the export into this folder</source>
        <translation>把导出写入这个文件夹</translation>
    </message>
    <message>
        <source>Choose a month first.</source>
        <translation>请先选择月份。</translation>
    </message>
    <message>
        <source>Preview the month first: you confirm what you have seen.</source>
        <translation>请先预览该月：确认的就是您看到的内容。</translation>
    </message>
    <message>
        <source>Insert a USB stick, or choose another folder.</source>
        <translation>请插入U盘，或选择其他文件夹。</translation>
    </message>
    <message>
        <source>It will be encrypted to the city office key.</source>
        <translation>导出将用市办公室公钥加密。</translation>
    </message>
    <message>
        <source>No city office key is set: it will be signed but NOT encrypted.</source>
        <translation>尚未设置市级公钥：本次导出只签名、不加密。</translation>
    </message>
    <message>
        <source>The month is then released and its figures are final.</source>
        <translation>写入后该月统计即发布，数字不再更改。</translation>
    </message>
    <message>
        <source>Write the statistics for {0} to {1}?</source>
        <translation>把{0}的统计写入 {1}？</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Preparing the files…</source>
        <translation>正在生成文件…</translation>
    </message>
    <message>
        <source>Writing and checking… %p%</source>
        <translation>正在写入并校验… %p%</translation>
    </message>
    <message>
        <source>encrypted to the city office key</source>
        <translation>已用市办公室公钥加密</translation>
    </message>
    <message>
        <source>signed, not encrypted</source>
        <translation>已签名，未加密</translation>
    </message>
    <message>
        <source>Written: {0} · sequence {1} · {2}. Take the stick to the city office.</source>
        <translation>已写入：{0} · 序号 {1} · {2}。请把U盘送交市办公室。</translation>
    </message>
    <message>
        <source>The export was not written</source>
        <translation>导出未写入</translation>
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
    <name>FollowUpPanel</name>
    <message>
        <source>Person</source>
        <translation>测评对象</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>量表</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>处理情况</translation>
    </message>
    <message>
        <source>Follow-up list</source>
        <translation>跟进名单</translation>
    </message>
    <message>
        <source>Respond…</source>
        <translation>处理…</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>回车键</translation>
    </message>
    <message>
        <source>Open a case…</source>
        <translation>开案…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Awaiting response</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>{0} warnings, {1} still open. Open ones come first, the most severe at the top.</source>
        <translation>共 {0} 条预警，{1} 条待处理。待处理的排在前面，最严重的在最上方。</translation>
    </message>
    <message>
        <source>No warnings: nobody in this screening reached a warning rule.</source>
        <translation>没有预警：本次测评中无人达到预警规则。</translation>
    </message>
    <message>
        <source>Show case</source>
        <translation>查看个案</translation>
    </message>
    <message>
        <source>Show the linked case</source>
        <translation>查看已关联的个案</translation>
    </message>
    <message>
        <source>Open a case for this person</source>
        <translation>为此人开案</translation>
    </message>
    <message>
        <source>Response recorded.</source>
        <translation>处理情况已记录。</translation>
    </message>
    <message>
        <source>The case was opened and linked to this person's screening results.</source>
        <translation>已开案，并已与此人的测评结果关联。</translation>
    </message>
    <message>
        <source>Linking…</source>
        <translation>正在关联…</translation>
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
    <name>ItemBox</name>
    <message>
        <source>Item {0} of {1}: {2}</source>
        <translation>第 {0} 题（共 {1} 题）：{2}</translation>
    </message>
    <message>
        <source>Item {0}: {1}</source>
        <translation>第 {0} 题：{1}</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Questionnaire</source>
        <translation>心理测评</translation>
    </message>
    <message>
        <source>Please answer each question as it fits how you have felt recently. There are no right or wrong answers.</source>
        <translation>请根据您最近的真实感受回答每一道题，答案没有对错之分。</translation>
    </message>
    <message>
        <source>There are {0} short questionnaires, one after another.</source>
        <translation>共有 {0} 份简短的问卷，依次填写。</translation>
    </message>
    <message>
        <source>When you are done, please tell the counsellor.</source>
        <translation>填写完成后，请告诉咨询师。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Questionnaire {0} of {1}</source>
        <translation>第 {0} 份，共 {1} 份</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Next questionnaire</source>
        <translation>下一份</translation>
    </message>
    <message>
        <source>Back to the first unanswered</source>
        <translation>回到第一道未答题</translation>
    </message>
    <message>
        <source>Thank you.</source>
        <translation>谢谢您。</translation>
    </message>
    <message>
        <source>You have finished. Please tell the counsellor that you are done.</source>
        <translation>您已完成填写。请告诉咨询师您已完成。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>好的</translation>
    </message>
    <message>
        <source>{0} questions are not answered yet (number {1}). You may go back to them, or press “{2}” again to go on.</source>
        <translation>还有 {0} 道题没有回答（第 {1} 题）。您可以回去作答，也可以再按一次“{2}”继续。</translation>
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
        <source>Assessments</source>
        <translation>心理测评</translation>
    </message>
    <message>
        <source>Referral directory</source>
        <translation>转介去向目录</translation>
    </message>
    <message>
        <source>Groups and lectures</source>
        <translation>团体与讲座</translation>
    </message>
    <message>
        <source>Monthly statistics</source>
        <translation>月度统计上报</translation>
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
    <message>
        <source>Client's form</source>
        <translation>本人自填测评</translation>
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
    <name>NewScreeningDialog</name>
    <message>
        <source>Psychological care station · New screening</source>
        <translation>心理健康服务站 · 新建测评</translation>
    </message>
    <message>
        <source>Create screening</source>
        <translation>新建测评</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>e.g. 2026 annual check-up</source>
        <translation>如：2026 年度心理体检</translation>
    </message>
    <message>
        <source>Screening title *</source>
        <translation>测评名称 *</translation>
    </message>
    <message>
        <source>Unit screened</source>
        <translation>受测单位</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Scales *</source>
        <translation>量表 *</translation>
    </message>
    <message>
        <source>Up to {0} scales, in the order of the paper forms: tick them in that order.</source>
        <translation>最多 {0} 个量表，按纸质问卷的顺序：请按该顺序勾选。</translation>
    </message>
    <message>
        <source>By screening code: no names are kept</source>
        <translation>按测评编号：不保存姓名</translation>
    </message>
    <message>
        <source>By real name</source>
        <translation>实名</translation>
    </message>
    <message>
        <source>People are entered</source>
        <translation>登记方式</translation>
    </message>
    <message>
        <source>By code, the list of who had which code stays on paper with the unit. Choose names only when the cadres agreed to a named screening.</source>
        <translation>按编号登记时，编号与姓名的对照表留在单位的纸质材料中。只有在干部同意实名测评时才选择实名。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>Responsible counsellor *</source>
        <translation>负责咨询师 *</translation>
    </message>
    <message>
        <source>Sees the people and receives the follow-up list.</source>
        <translation>可查看测评名单，并负责跟进名单。</translation>
    </message>
    <message>
        <source>{0} {1} ({2} items)</source>
        <translation>{0} {1}（{2} 题）</translation>
    </message>
    <message>
        <source> · imported</source>
        <translation> · 导入</translation>
    </message>
    <message>
        <source>Order of entry: {0}</source>
        <translation>填写顺序：{0}</translation>
    </message>
    <message>
        <source>Creating the screening…</source>
        <translation>正在新建测评…</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Open encrypted exports</source>
        <translation>打开加密的导出</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Some exports are encrypted to the city office key. Enter its passphrase to open them. It is kept only while this window is open.</source>
        <translation>部分导出用市办公室密钥加密。请输入口令以打开它们。解锁状态只在本窗口打开期间保留。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>正在解锁…</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Psychological care station · Print</source>
        <translation>心理健康服务站 · 打印</translation>
    </message>
    <message>
        <source>Page {0}</source>
        <translation>第 {0} 页</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Psychological care station · Print {0}</source>
        <translation>心理健康服务站 · 打印{0}</translation>
    </message>
    <message>
        <source>Psychological care station · {0}</source>
        <translation>心理健康服务站 · {0}</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>放大（Ctrl++）</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Preview of {0}</source>
        <translation>{0}预览</translation>
    </message>
    <message>
        <source>A printout or a saved file leaves the encrypted records: keep it as you keep paper case files. Every print and save is written to the audit log.</source>
        <translation>打印件或保存的文件不再受加密保护，请像纸质档案一样妥善保管。每次打印和保存都会写入审计日志。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Page {0} of {1}</source>
        <translation>第 {0} / {1} 页</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>共 1 页</translation>
    </message>
    <message>
        <source>{0} pages</source>
        <translation>共 {0} 页</translation>
    </message>
    <message>
        <source>Zoom: fit width</source>
        <translation>缩放：适合宽度</translation>
    </message>
    <message>
        <source>Zoom: {0}</source>
        <translation>缩放：{0}</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
    <message>
        <source>Could not print: </source>
        <translation>无法打印：</translation>
    </message>
    <message>
        <source>Save {0} as PDF</source>
        <translation>将{0}保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved: {0}</source>
        <translation>已保存：{0}</translation>
    </message>
    <message>
        <source>Could not save the file: </source>
        <translation>无法保存文件：</translation>
    </message>
</context>
<context>
    <name>PeoplePanel</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>阳性</translation>
    </message>
    <message>
        <source>Open warnings</source>
        <translation>待处理预警</translation>
    </message>
    <message>
        <source>People screened</source>
        <translation>受测人员</translation>
    </message>
    <message>
        <source>Enter a paper form</source>
        <translation>录入纸质问卷</translation>
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
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <source>{0} answers</source>
        <translation>{0} 答案</translation>
    </message>
    <message>
        <source>Save and next (Enter)</source>
        <translation>保存并录入下一位（回车）</translation>
    </message>
    <message>
        <source>Save and enter the next person</source>
        <translation>保存并录入下一位</translation>
    </message>
    <message>
        <source>Self-fill on this PC…</source>
        <translation>本人在本机自填…</translation>
    </message>
    <message>
        <source>The person fills this screening's scales on this PC; the window locks when they finish.</source>
        <translation>由本人在这台电脑上填写本次测评的量表；填完后窗口自动锁定。</translation>
    </message>
    <message>
        <source>no total</source>
        <translation>无总分</translation>
    </message>
    <message>
        <source>{0} people entered · {1} positive on at least one scale</source>
        <translation>已录入 {0} 人 · 至少一个量表阳性 {1} 人</translation>
    </message>
    <message>
        <source>Code {0} is already entered: the answers typed are added to that person.</source>
        <translation>编号 {0} 已录入：现在输入的答案将补录到此人名下。</translation>
    </message>
    <message>
        <source>Already saved: {0}.</source>
        <translation>已保存：{0}。</translation>
    </message>
    <message>
        <source>Person {0} already has a {1} result.</source>
        <translation>{0} 已有 {1} 的结果。</translation>
    </message>
    <message>
        <source>Code {0} is already taken. Type another code for a new person.</source>
        <translation>编号 {0} 已被使用。新的测评对象请换一个编号。</translation>
    </message>
    <message>
        <source>Type the answers of at least one scale, or let the person fill them in with “Self-fill on this PC…”.</source>
        <translation>请至少输入一个量表的答案，或使用“本人在本机自填…”让本人填写。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Person {0} saved, but not every scale: see the message.</source>
        <translation>{0} 已登记，但有量表未保存：请看提示。</translation>
    </message>
    <message>
        <source>Saved {0}: {1}. {2} warnings went onto the follow-up list.</source>
        <translation>已保存 {0}：{1}。{2} 条预警已进入跟进名单。</translation>
    </message>
    <message>
        <source>Saved {0}: {1}.</source>
        <translation>已保存 {0}：{1}。</translation>
    </message>
    <message>
        <source>Answers are typed in the form: save them with Enter or clear them first.</source>
        <translation>表中已输入答案：请先按回车保存，或清空后再让本人自填。</translation>
    </message>
    <message>
        <source>Self-fill is available in the main window.</source>
        <translation>本人自填只能在主窗口中使用。</translation>
    </message>
    <message>
        <source>Person {0} already has a result for every scale.</source>
        <translation>{0} 的各个量表都已有结果。</translation>
    </message>
    <message>
        <source>Type the person's name first.</source>
        <translation>请先填写姓名。</translation>
    </message>
    <message>
        <source>Self-fill on this PC</source>
        <translation>本人在本机自填</translation>
    </message>
    <message>
        <source>Person {0} fills {1} on this PC, full screen. When they finish, the window locks: sign in again to go on.

Hand the PC over now?</source>
        <translation>{0} 将在这台电脑上全屏填写 {1}。填完后窗口自动锁定，您需要重新登录才能继续。

现在把电脑交给本人吗？</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>正在准备…</translation>
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
    <name>ReferralDetailDialog</name>
    <message>
        <source>Referral {0}</source>
        <translation>转介单 {0}</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>个案</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>转介去向</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Referral reason</source>
        <translation>转介原因</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Risk level on the form</source>
        <translation>转介单上的风险等级</translation>
    </message>
    <message>
        <source>Client's consent</source>
        <translation>本人同意情况</translation>
    </message>
    <message>
        <source>Identity on the form</source>
        <translation>转介单上的身份信息</translation>
    </message>
    <message>
        <source>Summary for the receiver</source>
        <translation>转介摘要</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>填写人</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈内容</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>转介</translation>
    </message>
    <message>
        <source>Steps of the referral</source>
        <translation>转介进展</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>By</source>
        <translation>登记人</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>Edit referral draft</source>
        <translation>编辑转介草稿</translation>
    </message>
    <message>
        <source>New referral</source>
        <translation>新建转介</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <source>Referral {0} · draft</source>
        <translation>转介单 {0} · 草稿</translation>
    </message>
    <message>
        <source>Saved as a draft: nothing leaves the station until you print the form and mark the referral as sent.</source>
        <translation>保存为草稿：在打印转介单并登记“发出”之前，任何信息都不会离开本站。</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>转介去向</translation>
    </message>
    <message>
        <source>Choose a reason</source>
        <translation>请选择转介原因</translation>
    </message>
    <message>
        <source>Referral reason</source>
        <translation>转介原因</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Write only the minimum the receiver needs to know</source>
        <translation>只写接收方需要知道的最少信息</translation>
    </message>
    <message>
        <source>Summary for the receiver</source>
        <translation>转介摘要</translation>
    </message>
    <message>
        <source>Client's consent</source>
        <translation>本人同意情况</translation>
    </message>
    <message>
        <source>Note on consent</source>
        <translation>同意情况说明</translation>
    </message>
    <message>
        <source>Identity on the form</source>
        <translation>转介单上的身份信息</translation>
    </message>
    <message>
        <source>The case code keeps the name off paper. Print the full name only when the receiver needs it.</source>
        <translation>仅填个案编号，纸面上不出现姓名。只有接收方确需姓名时才选择填写姓名。</translation>
    </message>
    <message>
        <source>The directory has no destinations yet. Ask the records custodian to add them on the Referral directory page.</source>
        <translation>转介去向目录中还没有条目。请档案管理员在“转介去向目录”页面中添加。</translation>
    </message>
    <message>
        <source>Choose an entry from the list.</source>
        <translation>请从列表中选择一个条目。</translation>
    </message>
    <message>
        <source>Specialties: {0}</source>
        <translation>擅长：{0}</translation>
    </message>
    <message>
        <source>Contact: {0}</source>
        <translation>联系方式：{0}</translation>
    </message>
    <message>
        <source>Retired: choose another destination before sending.</source>
        <translation>已停用：发出前请另选转介去向。</translation>
    </message>
    <message>
        <source>{0} of {1} characters</source>
        <translation>已写 {0} 字，最多 {1} 字</translation>
    </message>
    <message>
        <source>Justification (required)</source>
        <translation>未经同意的理由（必填）</translation>
    </message>
    <message>
        <source>Only when the urgency is “{0}”: say why the client could not agree and what danger there is (at least {1} characters).</source>
        <translation>仅限紧急程度为“{0}”时：写明来访者为何无法表示同意、面临何种危险（至少 {1} 个字）。</translation>
    </message>
    <message>
        <source>Note on the refusal</source>
        <translation>拒绝情况说明</translation>
    </message>
    <message>
        <source>A refused referral can be kept as a draft to record it; it cannot be sent.</source>
        <translation>本人拒绝的转介可保存为草稿作为记录，但不能发出。</translation>
    </message>
    <message>
        <source>Optional.</source>
        <translation>选填。</translation>
    </message>
    <message>
        <source>No directory entry has this name. Choose one from the list.</source>
        <translation>目录中没有这个名称，请从列表中选择。</translation>
    </message>
    <message>
        <source>Saving the draft…</source>
        <translation>正在保存草稿…</translation>
    </message>
</context>
<context>
    <name>ReferralDialogs</name>
    <message>
        <source>Psychological care station · {0}</source>
        <translation>心理健康服务站 · {0}</translation>
    </message>
    <message>
        <source> · retired</source>
        <translation> · 已停用</translation>
    </message>
    <message>
        <source>Preparing the form…</source>
        <translation>正在生成表单…</translation>
    </message>
    <message>
        <source>Form not prepared</source>
        <translation>表单未能生成</translation>
    </message>
    <message>
        <source>Informed consent form</source>
        <translation>知情同意书</translation>
    </message>
    <message>
        <source>Case summary</source>
        <translation>个案摘要</translation>
    </message>
</context>
<context>
    <name>ReferralPanel</name>
    <message>
        <source>Referrals to hospitals, clinics and experts from the directory. Print the form for the receiver, then record each step as it happens.</source>
        <translation>从转介去向目录中选择医院、机构或专家进行转介。先打印转介单交给接收方，之后每一步发生时及时登记。</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>转介去向</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发出日期</translation>
    </message>
    <message>
        <source>Days waiting</source>
        <translation>等待天数</translation>
    </message>
    <message>
        <source>Referrals of the case</source>
        <translation>本个案的转介</translation>
    </message>
    <message>
        <source>No referrals for this case.</source>
        <translation>本个案暂无转介。</translation>
    </message>
    <message>
        <source>New referral…</source>
        <translation>新建转介…</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>详情…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Mark as sent…</source>
        <translation>发出…</translation>
    </message>
    <message>
        <source>Accepted…</source>
        <translation>已接收…</translation>
    </message>
    <message>
        <source>Declined…</source>
        <translation>已拒收…</translation>
    </message>
    <message>
        <source>Record feedback…</source>
        <translation>记录反馈…</translation>
    </message>
    <message>
        <source>Close referral…</source>
        <translation>关闭转介…</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <source>Print form…</source>
        <translation>打印转介单…</translation>
    </message>
    <message>
        <source>Reading referrals…</source>
        <translation>正在读取转介…</translation>
    </message>
    <message>
        <source>{0} d</source>
        <translation>{0} 天</translation>
    </message>
    <message>
        <source>No feedback after {0} days: ask the receiver how it went.</source>
        <translation>已 {0} 天未获反馈：请向接收方了解情况。</translation>
    </message>
    <message>
        <source>The case is closed: reopen it to refer.</source>
        <translation>个案已结案：请先重新开案再转介。</translation>
    </message>
    <message>
        <source>written {0} by {1}</source>
        <translation>{0} 由{1}填写</translation>
    </message>
    <message>
        <source>sent {0}</source>
        <translation>{0} 发出</translation>
    </message>
    <message>
        <source>answered {0}</source>
        <translation>{0} 答复</translation>
    </message>
    <message>
        <source>feedback {0}</source>
        <translation>{0} 反馈</translation>
    </message>
    <message>
        <source>closed {0}</source>
        <translation>{0} 关闭</translation>
    </message>
    <message>
        <source>Draft saved. Print the form, then mark it as sent.</source>
        <translation>草稿已保存。请打印转介单，交出后登记“发出”。</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>草稿已保存。</translation>
    </message>
    <message>
        <source>Referral {0} marked as sent.</source>
        <translation>转介单 {0} 已登记发出。</translation>
    </message>
    <message>
        <source>Referral {0}: accepted by the receiver.</source>
        <translation>转介单 {0}：接收方已接收。</translation>
    </message>
    <message>
        <source>Referral {0}: declined by the receiver.</source>
        <translation>转介单 {0}：接收方已拒收。</translation>
    </message>
    <message>
        <source>Referral {0}: feedback recorded.</source>
        <translation>转介单 {0}：反馈已记录。</translation>
    </message>
    <message>
        <source>Referral {0} closed.</source>
        <translation>转介单 {0} 已关闭。</translation>
    </message>
    <message>
        <source>Delete the draft referral {0}? Its number is not used again.</source>
        <translation>删除转介草稿 {0}？该编号不会再被使用。</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>正在删除…</translation>
    </message>
    <message>
        <source>Draft {0} deleted.</source>
        <translation>草稿 {0} 已删除。</translation>
    </message>
    <message>
        <source>Referral form {0}</source>
        <translation>转介单 {0}</translation>
    </message>
</context>
<context>
    <name>ReferralStepDialog</name>
    <message>
        <source>Send referral</source>
        <translation>发出转介</translation>
    </message>
    <message>
        <source>Mark as sent</source>
        <translation>登记发出</translation>
    </message>
    <message>
        <source>Referral accepted</source>
        <translation>接收方已接收</translation>
    </message>
    <message>
        <source>Record acceptance</source>
        <translation>登记已接收</translation>
    </message>
    <message>
        <source>Referral declined</source>
        <translation>接收方已拒收</translation>
    </message>
    <message>
        <source>Record refusal</source>
        <translation>登记已拒收</translation>
    </message>
    <message>
        <source>Feedback received</source>
        <translation>收到反馈</translation>
    </message>
    <message>
        <source>Save feedback</source>
        <translation>保存反馈</translation>
    </message>
    <message>
        <source>Close referral</source>
        <translation>关闭转介</translation>
    </message>
    <message>
        <source>The form went to the receiver on this date. Print it first if you have not: a sent referral can no longer be edited.</source>
        <translation>转介单于此日期交给接收方。如尚未打印，请先打印：发出后转介单不能再修改。</translation>
    </message>
    <message>
        <source>The receiver accepted the referral on this date.</source>
        <translation>接收方于此日期接收了转介。</translation>
    </message>
    <message>
        <source>The receiver declined the referral on this date.</source>
        <translation>接收方于此日期拒收了转介。</translation>
    </message>
    <message>
        <source>What the receiver reported back, and when.</source>
        <translation>接收方反馈的情况和日期。</translation>
    </message>
    <message>
        <source>The referral ends here; a closed referral cannot change.</source>
        <translation>转介到此结束；关闭后不能再更改。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈内容</translation>
    </message>
    <message>
        <source>Keep to what the station needs for the case.</source>
        <translation>只记录本站跟进个案所需的内容。</translation>
    </message>
    <message>
        <source>Required: the referral ends without its outcome. Say why.</source>
        <translation>必填：转介未获结果即结束，请写明原因。</translation>
    </message>
    <message>
        <source>Optional.</source>
        <translation>选填。</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>理由（必填）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
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
    <name>ReportPanel</name>
    <message>
        <source>Figures only: nothing here names or numbers a person. A person counts as positive on a scale when at least one of its warning rules fired.</source>
        <translation>仅为汇总数字，不含任何人的姓名或编号。某人在某量表上触发了至少一条预警规则，即计为该量表阳性。</translation>
    </message>
    <message>
        <source>People screened: {0}</source>
        <translation>受测人数：{0}</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>量表</translation>
    </message>
    <message>
        <source>Administered</source>
        <translation>施测人数</translation>
    </message>
    <message>
        <source>With a total</source>
        <translation>有总分</translation>
    </message>
    <message>
        <source>Positive people</source>
        <translation>阳性人数</translation>
    </message>
    <message>
        <source>Positive rate</source>
        <translation>阳性检出率</translation>
    </message>
    <message>
        <source>{0} · distribution of totals</source>
        <translation>{0} · 总分分级分布</translation>
    </message>
    <message>
        <source>{0} without a total (too many unanswered items).</source>
        <translation>{0} 人无总分（未答题目过多）。</translation>
    </message>
    <message>
        <source>This scale has no bands.</source>
        <translation>该量表没有分级。</translation>
    </message>
</context>
<context>
    <name>ReportTab</name>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
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
    <name>ScaleForm</name>
    <message>
        <source>Next</source>
        <translation>下一题</translation>
    </message>
    <message>
        <source>Click the answer that fits you best. The arrow keys also work.</source>
        <translation>请点选最符合您情况的答案，也可以用方向键选择。</translation>
    </message>
    <message>
        <source>Arrow keys or number keys choose an answer; Enter goes to the next item.</source>
        <translation>用方向键或数字键选择答案；按回车进入下一题。</translation>
    </message>
    <message>
        <source>Tab moves to the next item; arrow keys or number keys choose an answer (a number key also moves on); Delete clears an item.</source>
        <translation>Tab 键到下一题；方向键或数字键选择答案（按数字键后自动到下一题）；Delete 键清除本题答案。</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一题</translation>
    </message>
    <message>
        <source>Item {0} of {1}</source>
        <translation>第 {0} 题，共 {1} 题</translation>
    </message>
</context>
<context>
    <name>ScreeningDetail</name>
    <message>
        <source>‹ All screenings</source>
        <translation>‹ 全部测评</translation>
    </message>
    <message>
        <source>Back to all screenings</source>
        <translation>返回全部测评</translation>
    </message>
    <message>
        <source>by name</source>
        <translation>实名</translation>
    </message>
    <message>
        <source>by code</source>
        <translation>按编号</translation>
    </message>
    <message>
        <source>responsible: {0}</source>
        <translation>负责人：{0}</translation>
    </message>
    <message>
        <source>People and entry</source>
        <translation>名单与录入</translation>
    </message>
    <message>
        <source>Follow-up list</source>
        <translation>跟进名单</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
</context>
<context>
    <name>ScreeningsPage</name>
    <message>
        <source>Assessments</source>
        <translation>心理测评</translation>
    </message>
    <message>
        <source>Screening days (团体测评): many cadres fill the same scales, by code or by name. Those who reach a warning rule go onto the follow-up list of the responsible counsellor.</source>
        <translation>团体测评：多名干部填写相同的量表，按编号或实名登记。达到预警规则的人员进入负责咨询师的跟进名单。</translation>
    </message>
    <message>
        <source>Your role sees each screening's report in figures only, never who took part or their results.</source>
        <translation>您的角色只能查看各次测评的汇总报告，看不到参加人员及其结果。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>测评名称</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Scales</source>
        <translation>量表</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Positive people</source>
        <translation>阳性人数</translation>
    </message>
    <message>
        <source>Open warnings</source>
        <translation>待处理预警</translation>
    </message>
    <message>
        <source>Screenings</source>
        <translation>测评</translation>
    </message>
    <message>
        <source>No screening yet. Start with “New screening…”.</source>
        <translation>还没有测评。请从“新建测评…”开始。</translation>
    </message>
    <message>
        <source>No screening yet.</source>
        <translation>还没有测评。</translation>
    </message>
    <message>
        <source>New screening…</source>
        <translation>新建测评…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show report</source>
        <translation>查看报告</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>正在打开…</translation>
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
    <name>SelfAdministerDialog</name>
    <message>
        <source>Psychological care station · Client fills in a scale</source>
        <translation>心理服务站 · 本人自填</translation>
    </message>
    <message>
        <source>Start the client's form</source>
        <translation>开始自填</translation>
    </message>
    <message>
        <source>Case {0} · the client fills in a scale</source>
        <translation>个案 {0} · 来访者本人填写量表</translation>
    </message>
    <message>
        <source>Start shows the questions full-screen for the client: large type, nothing else of the records. When the client finishes, or after three minutes without input, the answers are saved and the program locks. Unlock with your password to see the result; a critical answer is shown to you at once then, never to the client.</source>
        <translation>按“开始自填”后，屏幕全屏显示量表题目：大号字体，不显示档案中的任何其他内容。来访者完成后，或 3 分钟无操作，答案自动保存，程序随即锁定。请用您的密码解锁后查看结果；如有危急作答，解锁后会立即提示您，绝不会显示给来访者。</translation>
    </message>
    <message>
        <source>One question per screen (recommended)</source>
        <translation>一屏一题（推荐）</translation>
    </message>
    <message>
        <source>All questions on one page</source>
        <translation>全部题目在一页</translation>
    </message>
    <message>
        <source>Scales</source>
        <translation>量表</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>显示方式</translation>
    </message>
    <message>
        <source>Before you start, save or close anything you are editing: locking closes it.</source>
        <translation>开始前请保存或关闭正在编辑的内容：锁定时会关闭它们。</translation>
    </message>
    <message>
        <source>Loading the scales…</source>
        <translation>正在读取量表…</translation>
    </message>
    <message>
        <source>Choose at least one scale.</source>
        <translation>请至少选择一个量表。</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>正在准备…</translation>
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
        <source>Scales</source>
        <translation>量表</translation>
    </message>
    <message>
        <source>Referrals and exports</source>
        <translation>转介与上报</translation>
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
        <source>The scales this station can administer. Shipped scales come with the program. A licensed scale is added by importing its definition file (UTF-8 TOML, format in resources/scales/README.md); importing a new version replaces the old one, and earlier results keep their scores.</source>
        <translation>本站可以施测的量表。系统自带的量表随程序提供；获得授权的量表通过导入其定义文件添加（UTF-8 编码的 TOML 文件，格式见 resources/scales/README.md）。导入新版本会替换旧版本，已有的测评结果保持原来的分数。</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>量表</translation>
    </message>
    <message>
        <source>Scale name</source>
        <translation>量表名称</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>题数</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Available scales</source>
        <translation>可用量表</translation>
    </message>
    <message>
        <source>Import scale definition…</source>
        <translation>导入量表定义…</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>系统自带</translation>
    </message>
    <message>
        <source>Import scale definition</source>
        <translation>导入量表定义</translation>
    </message>
    <message>
        <source>Scale definition files (*.toml);;All files (*)</source>
        <translation>量表定义文件 (*.toml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking the definition file…</source>
        <translation>正在检查量表定义文件…</translation>
    </message>
    <message>
        <source>The file could not be read. Check that it exists and is not open in another program.</source>
        <translation>无法读取文件。请确认文件存在，且没有被其他程序占用。</translation>
    </message>
    <message>
        <source>Imported: {0}.</source>
        <translation>已导入：{0}。</translation>
    </message>
    <message>
        <source>The file was not imported.</source>
        <translation>文件未导入。</translation>
    </message>
    <message>
        <source>The definition file has {0} problems. Fix each one in the file and import it again:</source>
        <translation>定义文件有 {0} 处问题。请在文件中逐一改正后重新导入：</translation>
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
    <name>StatsTablesView</name>
    <message>
        <source>*: not published: a count from 1 to {0}, or a count hidden so that it cannot be worked out from the others.</source>
        <translation>*：不予公布的数：1 至 {0} 的小数，或为防止由其他数字推算而一并隐藏的数。</translation>
    </message>
    <message>
        <source>Sensitive table: station totals only; counts below {0} are hidden.</source>
        <translation>敏感表格：只公布全站合计；小于 {0} 的数不公布。</translation>
    </message>
    <message>
        <source>Counts below {0} are hidden.</source>
        <translation>小于 {0} 的数不公布。</translation>
    </message>
    <message>
        <source>This table has no year-to-date figures (month-end state).</source>
        <translation>本表为月末状态，没有年度累计。</translation>
    </message>
    <message>
        <source>Shares are shown as percentages; the file keeps them as fractions.</source>
        <translation>比例以百分数显示（保留一位小数）；文件中保存为小数。</translation>
    </message>
    <message>
        <source>—: nothing to divide by this month (the denominator is 0).</source>
        <translation>—：分母为 0，无法计算比例。</translation>
    </message>
    <message>
        <source>Station {0} · year to date from {1} · counts below {2} are hidden ({3} in sensitive tables)</source>
        <translation>站点 {0} · 年度累计自 {1} 起 · 小于 {2} 的数不公布（敏感表格小于 {3}）</translation>
    </message>
    <message>
        <source>Statistics for {0}</source>
        <translation>{0} 月度统计</translation>
    </message>
    <message>
        <source>*: not published (hidden by a station or again at city level).</source>
        <translation>*：不公布的数（站点隐去，或市级按同样规则再次隐去）。</translation>
    </message>
    <message>
        <source>a–b: some stations hid this figure; the city figure lies between a and b. ≥a: at least a.</source>
        <translation>a–b：部分站点隐去了该数，市级数只能确定在 a 到 b 之间；≥a：不少于 a。</translation>
    </message>
    <message>
        <source>Sensitive table · {0} stations · counts below {1} hidden</source>
        <translation>敏感表格 · {0} 个站点 · 小于 {1} 的数不公布</translation>
    </message>
    <message>
        <source>{0} stations · counts below {1} hidden</source>
        <translation>{0} 个站点 · 小于 {1} 的数不公布</translation>
    </message>
    <message>
        <source>City tables for {0}</source>
        <translation>{0} 全市汇总</translation>
    </message>
    <message>
        <source>{0} stations delivered: {1}</source>
        <translation>报送站点 {0} 个：{1}</translation>
    </message>
    <message>
        <source>Shares are recomputed only where the city numerator and denominator are both exact; otherwise *.</source>
        <translation>比例仅在市级分子、分母都是确切数字时重新计算，否则为 *。</translation>
    </message>
    <message>
        <source>Not published (see the note under the table)</source>
        <translation>不予公布（见表下说明）</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Year to date</source>
        <translation>年度累计</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>Notes sent with the figures</source>
        <translation>随统计一同报送的说明</translation>
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
        <source>Assessment</source>
        <translation>测评</translation>
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
        <source>no total</source>
        <translation>无总分</translation>
    </message>
    <message>
        <source>{0} points</source>
        <translation>{0} 分</translation>
    </message>
    <message>
        <source>⚑ warning</source>
        <translation>⚑ 预警</translation>
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
    <name>TrendChart</name>
    <message>
        <source>watch</source>
        <translation>关注</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>危急</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>量表</translation>
    </message>
    <message>
        <source>Scale shown in the chart</source>
        <translation>图中显示的量表</translation>
    </message>
    <message>
        <source>No scored assessment yet. Scores appear here over time once assessments are recorded.</source>
        <translation>还没有计分的测评。录入测评后，分数变化会显示在这里。</translation>
    </message>
    <message>
        <source>{0} scores over time</source>
        <translation>{0} 分数趋势</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>{0} points</source>
        <translation>{0} 分</translation>
    </message>
    <message>
        <source>Latest: {0}</source>
        <translation>最近一次：{0}</translation>
    </message>
    <message>
        <source>filled in by the client</source>
        <translation>本人自填</translation>
    </message>
    <message>
        <source>Up {0} since the previous one</source>
        <translation>比上一次升高 {0} 分</translation>
    </message>
    <message>
        <source>Down {0} since the previous one</source>
        <translation>比上一次降低 {0} 分</translation>
    </message>
    <message>
        <source>Unchanged since the previous one</source>
        <translation>与上一次持平</translation>
    </message>
    <message>
        <source>{0} administrations</source>
        <translation>共 {0} 次测评</translation>
    </message>
    <message>
        <source>Bands:</source>
        <translation>分级：</translation>
    </message>
    <message>
        <source>from {0}: {1}</source>
        <translation>{0} 分起：{1}</translation>
    </message>
    <message>
        <source>Dashed lines: warning rules</source>
        <translation>虚线：预警规则</translation>
    </message>
</context>
<context>
    <name>TrustKeyDialog</name>
    <message>
        <source>Trust a station's key</source>
        <translation>登记站点公钥</translation>
    </message>
    <message>
        <source>It matches: trust this key</source>
        <translation>已核对一致：登记这把公钥</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Before you trust this key, compare its fingerprint with the one printed on the station's recovery sheet (read it out over the telephone, group by group). Trust it only if every group is the same: a key that does not match could be anyone's.</source>
        <translation>登记前，请把下面的指纹与该站恢复密钥单上印的指纹逐组核对（可电话逐组念读）。每一组都相同才登记：不一致的公钥可能来自任何人。</translation>
    </message>
    <message>
        <source>Station code</source>
        <translation>站点编码</translation>
    </message>
    <message>
        <source>As on the recovery sheet. May stay empty: the first export signed with the key then names its station.</source>
        <translation>与恢复密钥单上的一致。可以不填：用这把公钥签名的第一份导出会给出站点编码。</translation>
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
        <source>Saving…</source>
        <translation>正在保存…</translation>
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
    <name>WarningResponseDialog</name>
    <message>
        <source>Psychological care station · Respond to a warning</source>
        <translation>心理服务站 · 预警处理</translation>
    </message>
    <message>
        <source>Save response</source>
        <translation>保存处理结果</translation>
    </message>
    <message>
        <source>{0} warning · {1}</source>
        <translation>{0} 预警 · {1}</translation>
    </message>
    <message>
        <source>The warning</source>
        <translation>预警内容</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>量表</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Belongs to</source>
        <translation>所属</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>触发时间</translation>
    </message>
    <message>
        <source>Choose the response taken…</source>
        <translation>请选择已采取的处理方式…</translation>
    </message>
    <message>
        <source>Response taken</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>What was done, with whom, when. Required for “no action”: the reason.</source>
        <translation>做了什么、与谁、何时。选择“无需处理”时必须写明理由。</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>理由（必填）</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
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