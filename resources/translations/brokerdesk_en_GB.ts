<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>AddPersonDialog</name>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="278"/>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="279"/>
        <source>Add a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="281"/>
        <source>Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="282"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="283"/>
        <source>Create a &amp;new login with this password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="287"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="290"/>
        <source>Password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="295"/>
        <source>&amp;Login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="296"/>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="301"/>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="302"/>
        <source>Password a&amp;gain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="307"/>
        <source>Tell the person their password yourself; BrokerDesk does not keep it. Without a new login, the login must already exist on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="317"/>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="334"/>
        <source>Give the person&apos;s login name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="339"/>
        <source>Give the new login a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="343"/>
        <source>The two passwords differ: type them again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddToListDialog</name>
    <message>
        <location filename="../../brokerdesk/gui/static_lists/dialog.py" line="47"/>
        <source>List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/static_lists/dialog.py" line="48"/>
        <source>Choose a list, or type a name to make a new one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/static_lists/dialog.py" line="52"/>
        <source>List message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/static_lists/dialog.py" line="57"/>
        <source>&amp;List:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgreementPage</name>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/agreement.py" line="52"/>
        <source>Agreement: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoardPackDialog</name>
    <message>
        <location filename="../../brokerdesk/gui/reporting/choosing.py" line="159"/>
        <location filename="../../brokerdesk/gui/reporting/choosing.py" line="164"/>
        <source>Board pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/choosing.py" line="166"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/choosing.py" line="169"/>
        <source>Find reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/choosing.py" line="170"/>
        <source>Type part of a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/choosing.py" line="179"/>
        <source>Reports to include</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/choosing.py" line="184"/>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/choosing.py" line="187"/>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/choosing.py" line="188"/>
        <source>&amp;Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/choosing.py" line="189"/>
        <source>&amp;Reports:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/choosing.py" line="190"/>
        <source>&amp;Save as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/choosing.py" line="202"/>
        <source>The ticked reports, in this order, after a contents page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/choosing.py" line="210"/>
        <source>Reading the names of the reports…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../brokerdesk/gui/reporting/choosing.py" line="235"/>
        <source>%n report(s) to choose from.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../brokerdesk/gui/reporting/choosing.py" line="272"/>
        <source>%n report(s) chosen</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkEdit</name>
    <message>
        <location filename="../../brokerdesk/gui/bulk_edit/feature.py" line="28"/>
        <source>&amp;Bulk edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/bulk_edit/feature.py" line="31"/>
        <source>Set owner, status, type, tags or lists on the selected records (Ctrl+Shift+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/bulk_edit/feature.py" line="44"/>
        <source>Select the records to change first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BulkEditDialog</name>
    <message>
        <location filename="../../brokerdesk/gui/bulk_edit/dialog.py" line="66"/>
        <source>Bulk edit {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/bulk_edit/dialog.py" line="81"/>
        <location filename="../../brokerdesk/gui/bulk_edit/dialog.py" line="82"/>
        <source>Set {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/bulk_edit/dialog.py" line="99"/>
        <source>What will change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/bulk_edit/dialog.py" line="103"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/bulk_edit/dialog.py" line="104"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/bulk_edit/dialog.py" line="105"/>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/bulk_edit/dialog.py" line="106"/>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/bulk_edit/dialog.py" line="112"/>
        <source>Preview of the changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/bulk_edit/dialog.py" line="131"/>
        <source>Tick what to set on the {0}; the table shows every change first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/bulk_edit/dialog.py" line="159"/>
        <source>No list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/bulk_edit/dialog.py" line="168"/>
        <source>Leave empty to clear it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/bulk_edit/dialog.py" line="170"/>
        <source>Separate tags with commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/bulk_edit/dialog.py" line="215"/>
        <source>{0} changes to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/bulk_edit/dialog.py" line="218"/>
        <source>Nothing to change yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/bulk_edit/dialog.py" line="229"/>
        <source>Bulk edit of {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <location filename="../../brokerdesk/gui/calendars.py" line="25"/>
        <source>{0} calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/calendars.py" line="28"/>
        <source>Days for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/__init__.py" line="44"/>
        <source>iCalendar (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/__init__.py" line="102"/>
        <source>The calendar was not written: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/__init__.py" line="75"/>
        <source>{0} reminders written to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/__init__.py" line="137"/>
        <source>&amp;Calendar (.ics)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/__init__.py" line="140"/>
        <source>Follow-ups, renewals and deliverables as an iCalendar file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/__init__.py" line="68"/>
        <location filename="../../brokerdesk/gui/today/__init__.py" line="144"/>
        <source>Export calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/__init__.py" line="86"/>
        <source>The calendar was not written (cancelled).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/__init__.py" line="95"/>
        <source>Writing the calendar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/__init__.py" line="98"/>
        <source>Calendar progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/__init__.py" line="151"/>
        <source>&amp;Keep a calendar file up to date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/__init__.py" line="156"/>
        <source>Rewrite a chosen .ics file after every change, for a calendar to subscribe to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/__init__.py" line="181"/>
        <source>The calendar file is no longer kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/__init__.py" line="183"/>
        <source>Keep a calendar file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangeStageDialog</name>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/change_stage.py" line="26"/>
        <source>participation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/change_stage.py" line="26"/>
        <source>participations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/change_stage.py" line="27"/>
        <location filename="../../brokerdesk/gui/dialogs/change_stage.py" line="28"/>
        <location filename="../../brokerdesk/gui/dialogs/change_stage.py" line="42"/>
        <location filename="../../brokerdesk/gui/dialogs/change_stage.py" line="43"/>
        <source>Change stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/change_stage.py" line="30"/>
        <source>Move {0} {1} to the stage chosen below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/change_stage.py" line="35"/>
        <source>New stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/change_stage.py" line="36"/>
        <source>&amp;New stage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/change_stage.py" line="56"/>
        <source>Change {0} participations to {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <location filename="../../brokerdesk/gui/views/charts.py" line="117"/>
        <source>Programmes by offer area and status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/charts.py" line="125"/>
        <source>Offer area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/charts.py" line="129"/>
        <source>No programmes yet, so there is nothing to count by offer area.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/charts.py" line="134"/>
        <source>Participations by stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/charts.py" line="140"/>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/charts.py" line="144"/>
        <source>No library service takes part in a programme yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/charts.py" line="148"/>
        <source>New participations per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/charts.py" line="156"/>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/charts.py" line="161"/>
        <source>No months to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/charts.py" line="164"/>
        <source>No participations started between {0} and {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/charts.py" line="184"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartsTab</name>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/charts_tab.py" line="45"/>
        <source>Show charts as ta&amp;bles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/charts_tab.py" line="46"/>
        <source>Show charts as tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/charts_tab.py" line="50"/>
        <source>&amp;Year:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/charts_tab.py" line="85"/>
        <location filename="../../brokerdesk/gui/views/dashboard/charts_tab.py" line="110"/>
        <source>{0}: table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/charts_tab.py" line="93"/>
        <source>Export “{0}” as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/charts_tab.py" line="130"/>
        <source>Export chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/charts_tab.py" line="130"/>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/charts_tab.py" line="135"/>
        <source>Chart saved to {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChoiceFilter</name>
    <message>
        <location filename="../../brokerdesk/gui/views/choice_filters.py" line="86"/>
        <source>Several of them…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/choice_filters.py" line="99"/>
        <source>{0} or {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/choice_filters.py" line="146"/>
        <source>{0}: several of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/choice_filters.py" line="148"/>
        <source>Show records whose {0} is any of:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/conflict.py" line="83"/>
        <source>Someone else saved this record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/conflict.py" line="117"/>
        <source>Someone else saved this record after you opened it. Nothing has been overwritten. For each field below, choose which value to keep, then press Save. Changes that do not clash are kept as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/conflict.py" line="124"/>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/conflict.py" line="130"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/conflict.py" line="130"/>
        <source>Their saved version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/conflict.py" line="130"/>
        <source>Your version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/conflict.py" line="140"/>
        <source>Your changes do not clash with theirs; saving keeps both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/conflict.py" line="147"/>
        <source>Fields that differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/conflict.py" line="153"/>
        <source>&amp;Save my choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/conflict.py" line="155"/>
        <source>Save my choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/conflict.py" line="157"/>
        <source>Cancel, save nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/conflict.py" line="180"/>
        <source>Use mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/conflict.py" line="180"/>
        <source>Keep theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/conflict.py" line="181"/>
        <source>use mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/conflict.py" line="181"/>
        <source>keep theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/conflict.py" line="182"/>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/conflict.py" line="191"/>
        <source>{0}, your value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/conflict.py" line="193"/>
        <source>{0}, their value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactPage</name>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/people.py" line="74"/>
        <source>Contact: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoverageTab</name>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/coverage_tab.py" line="63"/>
        <source>Programme status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/coverage_tab.py" line="66"/>
        <source>Programme &amp;status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/coverage_tab.py" line="68"/>
        <source>&amp;As at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/coverage_tab.py" line="69"/>
        <source>As at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/coverage_tab.py" line="74"/>
        <location filename="../../brokerdesk/gui/views/dashboard/coverage_tab.py" line="75"/>
        <source>As at date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/coverage_tab.py" line="78"/>
        <source>&amp;Year:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/coverage_tab.py" line="80"/>
        <source>Ex&amp;port coverage…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/coverage_tab.py" line="81"/>
        <source>Export coverage…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/coverage_tab.py" line="88"/>
        <source>&amp;Invite the missing services…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/coverage_tab.py" line="89"/>
        <source>Invite the missing services…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/coverage_tab.py" line="92"/>
        <source>Coverage matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/coverage_tab.py" line="98"/>
        <source>Choose a cell to see its gap list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/coverage_tab.py" line="100"/>
        <source>Covered services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/coverage_tab.py" line="101"/>
        <source>Missing services (gap list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/coverage_tab.py" line="163"/>
        <source>{0}, {1}: {2} of {3} member services covered ({4}%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/coverage_tab.py" line="193"/>
        <source>{0} in {1}: {2} covered, {3} missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/coverage_tab.py" line="234"/>
        <source>Export coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/coverage_tab.py" line="236"/>
        <source>Excel workbook (*.xlsx);;CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/coverage_tab.py" line="252"/>
        <source>Coverage exported to {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomFieldsDialog</name>
    <message>
        <location filename="../../brokerdesk/gui/own_fields/dialogs.py" line="284"/>
        <location filename="../../brokerdesk/gui/own_fields/dialogs.py" line="285"/>
        <source>Custom fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/own_fields/dialogs.py" line="290"/>
        <source>&amp;Kind of record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/own_fields/dialogs.py" line="292"/>
        <source>Kind of record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/own_fields/dialogs.py" line="294"/>
        <source>&amp;Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/own_fields/dialogs.py" line="296"/>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/own_fields/dialogs.py" line="297"/>
        <source>C&amp;hange…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/own_fields/dialogs.py" line="298"/>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/own_fields/dialogs.py" line="299"/>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/own_fields/dialogs.py" line="300"/>
        <source>Move &amp;down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/own_fields/dialogs.py" line="317"/>
        <source>Fields added here appear on every record&apos;s form and page, as list columns and filters, in imports and exports. Removing one keeps its values in the history; Edit ▸ Undo puts it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/own_fields/dialogs.py" line="355"/>
        <source>Fields of {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/years.py" line="20"/>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/years.py" line="21"/>
        <source>Every year</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/page.py" line="59"/>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/page.py" line="63"/>
        <source>Dashboard sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/page.py" line="72"/>
        <source>&amp;Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/page.py" line="73"/>
        <source>&amp;Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/page.py" line="74"/>
        <source>F&amp;ollow-ups &amp;&amp; health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/page.py" line="75"/>
        <source>Endi&amp;ng soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/page.py" line="76"/>
        <source>S&amp;uggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/page.py" line="77"/>
        <source>Cha&amp;rts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/page.py" line="78"/>
        <source>Leads &amp;wanted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/page.py" line="139"/>
        <source>Log interaction with {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataQualityPage</name>
    <message>
        <location filename="../../brokerdesk/gui/views/data_quality.py" line="51"/>
        <location filename="../../brokerdesk/gui/views/data_quality.py" line="53"/>
        <source>Data quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/data_quality.py" line="56"/>
        <source>Where the records are incomplete. Choose a check to see its records; Enter opens one. Ended partners and finished or cancelled programmes are left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/data_quality.py" line="64"/>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/data_quality.py" line="65"/>
        <source>&amp;Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/data_quality.py" line="69"/>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/data_quality.py" line="69"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/data_quality.py" line="69"/>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/data_quality.py" line="71"/>
        <source>&amp;Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/data_quality.py" line="114"/>
        <source>Checking the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/data_quality.py" line="141"/>
        <source>{0} of {1} checks found records to complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/data_quality.py" line="153"/>
        <source>{0}: {1} {2}. {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/data_quality.py" line="157"/>
        <source>{0}: none. Nothing to do here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentsSection</name>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="121"/>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="122"/>
        <source>Sa&amp;ve as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="123"/>
        <source>Re&amp;name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="124"/>
        <source>Dele&amp;te</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="125"/>
        <source>Move the document to the Trash (Undo: Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="128"/>
        <location filename="../../brokerdesk/gui/documents/section.py" line="143"/>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="134"/>
        <source>Drop files here, or anywhere on this page, to keep them with this {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="136"/>
        <source> A saved e-mail (.eml, .msg) dropped here is logged as an interaction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="154"/>
        <source>Add d&amp;ocument…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="156"/>
        <source>Add document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="158"/>
        <source>Keep a file with this {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="161"/>
        <source>&lt;b&gt;Add document…&lt;/b&gt;&lt;p&gt;Keep files (a signed agreement, a report, a letter) with this {0}, stored in the database with its backups. You can also drop files anywhere on the page; a saved e-mail dropped here is logged as an interaction.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="169"/>
        <source>Add document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="234"/>
        <source>Add documents to this {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="270"/>
        <source>{0} cannot be read: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="276"/>
        <location filename="../../brokerdesk/gui/documents/section.py" line="450"/>
        <source>{0} documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="283"/>
        <source>Add {0} to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="288"/>
        <source>Add documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="291"/>
        <source>Kept {0}. Undo (Ctrl+Z) takes it away again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="319"/>
        <source>Open document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="320"/>
        <source>Opening {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="338"/>
        <location filename="../../brokerdesk/gui/documents/section.py" line="344"/>
        <source>Opening the document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="348"/>
        <source>The document was not opened (cancelled).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="349"/>
        <source>The document could not be opened: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="331"/>
        <source>No program on this computer opens {0}; use Save as… instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="336"/>
        <source>Opened {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="358"/>
        <source>Save document as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="398"/>
        <source>{0} could not be saved: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="394"/>
        <source>Saved a copy as {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="376"/>
        <source>Writing {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="385"/>
        <location filename="../../brokerdesk/gui/documents/section.py" line="391"/>
        <source>Saving a copy as {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="390"/>
        <location filename="../../brokerdesk/gui/documents/section.py" line="400"/>
        <source>Save document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="396"/>
        <source>No copy was saved (cancelled).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="412"/>
        <source>Rename document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="412"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="437"/>
        <source>Rename “{0}” to “{1}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="457"/>
        <source>Delete {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/section.py" line="462"/>
        <source>{0} moved to the Trash. Undo (Ctrl+Z) brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="66"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="67"/>
        <source>Possible duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="68"/>
        <source>Similarity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="69"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="75"/>
        <source>same website domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="76"/>
        <source>similar name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="77"/>
        <source>same email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_facts.py" line="34"/>
        <source>contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_facts.py" line="34"/>
        <source>contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_facts.py" line="36"/>
        <source>interaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_facts.py" line="37"/>
        <source>interactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_facts.py" line="39"/>
        <source>agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_facts.py" line="39"/>
        <source>agreements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_facts.py" line="41"/>
        <source>programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_facts.py" line="42"/>
        <source>programmes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_facts.py" line="45"/>
        <source>participation (as local contact)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_facts.py" line="46"/>
        <source>participations (as local contact)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_facts.py" line="48"/>
        <source>tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_facts.py" line="48"/>
        <source>tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_facts.py" line="50"/>
        <source>offer area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_facts.py" line="51"/>
        <source>offer areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_facts.py" line="54"/>
        <source>list membership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_facts.py" line="55"/>
        <source>list memberships</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_facts.py" line="58"/>
        <source>link in your own fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_facts.py" line="59"/>
        <source>links in your own fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_facts.py" line="70"/>
        <source>{0} and {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_facts.py" line="84"/>
        <source>{0} move to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_facts.py" line="86"/>
        <source>No other records refer to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_facts.py" line="90"/>
        <source>{0} also gets {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_facts.py" line="95"/>
        <source>In {0} {1} already has a role: it keeps its own role there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_facts.py" line="101"/>
        <source>Then {0} is deleted. Edit ▸ Undo (Ctrl+Z) takes the whole merge back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_facts.py" line="143"/>
        <location filename="../../brokerdesk/gui/duplicates/merge_facts.py" line="163"/>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_facts.py" line="158"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_facts.py" line="159"/>
        <source>Offer areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/feature.py" line="77"/>
        <source>Find &amp;duplicates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/feature.py" line="80"/>
        <source>Partners or contacts recorded twice, to merge into one (Ctrl+Shift+D)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="143"/>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="306"/>
        <source>Find duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="156"/>
        <source>Partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="157"/>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="158"/>
        <source>Look for duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="159"/>
        <source>&amp;Look for duplicate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="165"/>
        <source>Names at least this similar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="167"/>
        <source>Lower finds more pairs, and more that are not the same record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="169"/>
        <source>Names at least this &amp;similar:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="171"/>
        <source>Find &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="172"/>
        <source>Find again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="183"/>
        <source>Show &amp;every pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="184"/>
        <source>Show every pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="196"/>
        <source>Likely duplicate pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="213"/>
        <source>Search status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="217"/>
        <source>Looking for duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="219"/>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="220"/>
        <source>Stop looking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="229"/>
        <source>&amp;Merge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="231"/>
        <source>Merge…: the selected pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="234"/>
        <source>&amp;Not duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="237"/>
        <source>Not duplicates: hide the selected pair until BrokerDesk is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="241"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="296"/>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="383"/>
        <source>partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="296"/>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="383"/>
        <source>contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="303"/>
        <source>Looking for likely duplicate {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="337"/>
        <source>The search for duplicates failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="344"/>
        <source>Stopped. Press Find again to look again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="387"/>
        <source>1 likely duplicate pair.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="389"/>
        <source>{0} likely duplicate pairs, most alike first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="394"/>
        <source>No likely duplicate {0} at this similarity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="396"/>
        <source>1 pair marked “Not duplicates” is hidden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="398"/>
        <source>{0} pairs marked “Not duplicates” are hidden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="403"/>
        <source>Only pairs that include {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/finder.py" line="445"/>
        <source>{0} and {1} are marked as not duplicates for this session.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndDialog</name>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/agreement_actions.py" line="150"/>
        <source>End agreement: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/agreement_actions.py" line="151"/>
        <source>&amp;End agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/agreement_actions.py" line="158"/>
        <source>End “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndingSoonTab</name>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/health_tab.py" line="194"/>
        <location filename="../../brokerdesk/gui/views/dashboard/health_tab.py" line="198"/>
        <source>Ending within 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/health_tab.py" line="204"/>
        <source>Agreement renewal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/health_tab.py" line="205"/>
        <source>Agreement notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/health_tab.py" line="208"/>
        <source>Programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/health_tab.py" line="203"/>
        <source>Agreement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Erasure</name>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/erasure.py" line="33"/>
        <source>The contact is deleted, and their details are taken out of the history. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/erasure.py" line="42"/>
        <source>{0} interaction (an e-mail logged, or notes) names them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/erasure.py" line="43"/>
        <source>{0} interactions (e-mails logged, or notes) name them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/erasure.py" line="46"/>
        <source>{0}: their name and e-mail address there become “[erased]”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/erasure.py" line="51"/>
        <source>No interaction names them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/erasure.py" line="56"/>
        <source>{0} attached file&apos;s name is changed the same way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/erasure.py" line="57"/>
        <source>{0} attached files&apos; names are changed the same way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/erasure.py" line="64"/>
        <source>{0} attached file&apos;s text (what Ctrl+K searches) names them too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/erasure.py" line="67"/>
        <source>{0} attached files&apos; texts (what Ctrl+K searches) name them too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/erasure.py" line="76"/>
        <source>{0} other record&apos;s notes or own fields hold their name or address; those words become “[erased]” too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/erasure.py" line="81"/>
        <source>{0} other records&apos; notes or own fields hold their name or address; those words become “[erased]” too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/erasure.py" line="92"/>
        <source>{0} e-mail in the Trash names them; it is scrubbed too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/erasure.py" line="93"/>
        <source>{0} e-mails in the Trash name them; they are scrubbed too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/erasure.py" line="99"/>
        <source>{0} and {1} stay, without the link to them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/erasure.py" line="102"/>
        <source>{0} interaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/erasure.py" line="103"/>
        <source>{0} interactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/erasure.py" line="107"/>
        <source>{0} participation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/erasure.py" line="108"/>
        <source>{0} participations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/erasure.py" line="124"/>
        <location filename="../../brokerdesk/gui/views/pages/erasure.py" line="139"/>
        <source>Erase personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/erasure.py" line="125"/>
        <source>Erase all personal data of “{0}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/erasure.py" line="127"/>
        <source>Erase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/erasure.py" line="128"/>
        <source>Erase, cannot be undone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../brokerdesk/gui/exporting/done.py" line="42"/>
        <source>Replace &apos;{0}&apos;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/done.py" line="43"/>
        <source>It already exists in {0}. Replacing it overwrites what it holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/done.py" line="47"/>
        <source>Replace {0} existing files?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/done.py" line="51"/>
        <source> and {0} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/done.py" line="53"/>
        <source>All {0} files this export writes already exist in {1}: {2}. Replacing them overwrites what they hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/done.py" line="59"/>
        <source>{0} of the {1} files this export writes already exist in {2}: {3}. Replacing them overwrites what they hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/done.py" line="65"/>
        <source>Replace files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/done.py" line="69"/>
        <source>&amp;Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/done.py" line="70"/>
        <location filename="../../brokerdesk/gui/exporting/done.py" line="72"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/done.py" line="71"/>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/done.py" line="106"/>
        <source>&amp;Open file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/done.py" line="111"/>
        <source>Show in &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/done.py" line="113"/>
        <source>Show in folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/done.py" line="116"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/done.py" line="137"/>
        <source>Could not open {0}: no program on this computer opens it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/running.py" line="48"/>
        <source>&apos;{0}&apos; appeared while exporting and was left as it was; nothing was replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/running.py" line="53"/>
        <source>The export could not be written: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/running.py" line="54"/>
        <source>The export failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/running.py" line="82"/>
        <source>Export progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/running.py" line="86"/>
        <source>Export cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/running.py" line="97"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/workbooks.py" line="31"/>
        <source>Participation matrix.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/workbooks.py" line="32"/>
        <location filename="../../brokerdesk/gui/exporting/workbooks.py" line="50"/>
        <source>Export the participation matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/running.py" line="129"/>
        <location filename="../../brokerdesk/gui/exporting/summaries.py" line="90"/>
        <source>Nothing was exported; &apos;{0}&apos; was left as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/workbooks.py" line="41"/>
        <source>Wrote the participation matrix to &apos;{0}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/workbooks.py" line="44"/>
        <source>Matrix exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/workbooks.py" line="59"/>
        <source>BrokerDesk database {0}.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/workbooks.py" line="61"/>
        <location filename="../../brokerdesk/gui/exporting/workbooks.py" line="70"/>
        <source>Export the whole database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/workbooks.py" line="69"/>
        <source>Table {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/workbooks.py" line="71"/>
        <source>Preparing the workbook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/workbooks.py" line="80"/>
        <source>Wrote the whole database to &apos;{0}&apos;, one sheet per table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/workbooks.py" line="85"/>
        <source>Database exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/workbooks.py" line="89"/>
        <source>The database export was cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summaries.py" line="64"/>
        <source>Open a partner, or select one in the Partners list, to export it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summaries.py" line="103"/>
        <source>Wrote the summary of {0} to &apos;{1}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summaries.py" line="107"/>
        <source>Partner summary exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summaries.py" line="110"/>
        <location filename="../../brokerdesk/gui/exporting/summaries.py" line="207"/>
        <location filename="../../brokerdesk/gui/reporting/actions.py" line="78"/>
        <source>&amp;Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summaries.py" line="114"/>
        <source>Export partner summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summaries.py" line="136"/>
        <source>There are no partners to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summaries.py" line="157"/>
        <source>Nothing was exported; no file was replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summaries.py" line="162"/>
        <source>{0} of {1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summaries.py" line="162"/>
        <source>Writing the index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summaries.py" line="164"/>
        <source>Export partner summaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summaries.py" line="165"/>
        <source>Preparing {0} summaries…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summaries.py" line="180"/>
        <source>Wrote {0} partner summaries ({1}) and an index to {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summaries.py" line="185"/>
        <source>Partner summaries exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summaries.py" line="186"/>
        <source>&amp;Open index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summaries.py" line="195"/>
        <source>1 summary was written to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summaries.py" line="197"/>
        <source>{0} summaries were written to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summaries.py" line="200"/>
        <source>Export cancelled after {0} of {1} partners: {2}; the index was not written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summaries.py" line="206"/>
        <source>Export cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/partner.py" line="151"/>
        <source>Export &amp;summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/partner.py" line="153"/>
        <source>Export summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/partner.py" line="154"/>
        <source>Export this partner&apos;s summary as PDF, XLSX or CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/partner.py" line="157"/>
        <source>Export summary as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/partner.py" line="159"/>
        <source>&amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/partner.py" line="160"/>
        <source>&amp;XLSX…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/partner.py" line="161"/>
        <source>&amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/menu.py" line="218"/>
        <source>Ex&amp;port…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/menu.py" line="220"/>
        <source>Export…: summaries of the selected partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/menu.py" line="222"/>
        <source>Export a summary of each selected partner, with an index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/menu.py" line="124"/>
        <source>&amp;Partner summary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/menu.py" line="126"/>
        <source>The summary of the partner shown or selected, as PDF, XLSX or CSV (Ctrl+Shift+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/menu.py" line="134"/>
        <source>Summaries for &amp;selected partners…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/menu.py" line="136"/>
        <source>A summary of each partner selected in the Partners list, with an index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/menu.py" line="142"/>
        <source>Summaries for &amp;all partners…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/menu.py" line="144"/>
        <source>A summary of every partner, with an index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/menu.py" line="148"/>
        <source>Participation &amp;matrix…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/menu.py" line="150"/>
        <source>Library services by programmes, the stage of each participation in its cell (XLSX)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/menu.py" line="157"/>
        <source>&amp;Whole database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/menu.py" line="159"/>
        <source>Every table in one XLSX workbook, one sheet per table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/menu.py" line="99"/>
        <source>Select partners in the Partners list to export their summaries.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportSummaryDialog</name>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summary_dialog.py" line="81"/>
        <source>Export partner summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summary_dialog.py" line="83"/>
        <source>The summary of {0}: its programmes, the library services they reach, its contacts and its interactions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summary_dialog.py" line="87"/>
        <source>Export partner summaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summary_dialog.py" line="89"/>
        <source>One summary for each of the {0} partners, named after the partner, and an index (index.csv and index.xlsx) saying which file is whose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summary_dialog.py" line="96"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summary_dialog.py" line="100"/>
        <source>&amp;PDF document, to print or send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summary_dialog.py" line="101"/>
        <source>Excel &amp;workbook (XLSX), one sheet per table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summary_dialog.py" line="102"/>
        <source>&amp;CSV files, one per table, in a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summary_dialog.py" line="116"/>
        <source>Save in folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summary_dialog.py" line="117"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summary_dialog.py" line="118"/>
        <source>Browse for a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summary_dialog.py" line="125"/>
        <source>Save &amp;in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summary_dialog.py" line="130"/>
        <source>File name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summary_dialog.py" line="133"/>
        <source>File &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summary_dialog.py" line="147"/>
        <source>E&amp;xport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summary_dialog.py" line="149"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summary_dialog.py" line="152"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summary_dialog.py" line="201"/>
        <source>Choose the folder to save in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summary_dialog.py" line="205"/>
        <source>Give the file a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summary_dialog.py" line="207"/>
        <source>The file name is too long for a disk; shorten it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summary_dialog.py" line="209"/>
        <source>A file name cannot contain / \ : * ? &quot; &lt; &gt; | or start with a dot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summary_dialog.py" line="222"/>
        <source>Writes {0} {1} files and the index into {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summary_dialog.py" line="226"/>
        <source>Writes the folder {0} holding {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summary_dialog.py" line="230"/>
        <source>Writes {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/summary_dialog.py" line="237"/>
        <source>Choose a folder to save in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldDialog</name>
    <message>
        <location filename="../../brokerdesk/gui/own_fields/dialogs.py" line="85"/>
        <source>New field on {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/own_fields/dialogs.py" line="87"/>
        <source>Change field “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/own_fields/dialogs.py" line="96"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/own_fields/dialogs.py" line="100"/>
        <source>&amp;Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/own_fields/dialogs.py" line="104"/>
        <source>&amp;Choices, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/own_fields/dialogs.py" line="108"/>
        <source>&amp;Links to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/own_fields/dialogs.py" line="110"/>
        <source>Not required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/own_fields/dialogs.py" line="111"/>
        <source>Always required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/own_fields/dialogs.py" line="112"/>
        <source>Required only when…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/own_fields/dialogs.py" line="113"/>
        <source>&amp;Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/own_fields/dialogs.py" line="120"/>
        <source>&amp;When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/own_fields/dialogs.py" line="122"/>
        <source>&amp;Is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/own_fields/dialogs.py" line="132"/>
        <source>A field of your own on every {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/own_fields/dialogs.py" line="186"/>
        <source>No field of these records can decide that yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/own_fields/dialogs.py" line="213"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/own_fields/dialogs.py" line="214"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../brokerdesk/gui/importing/source_pages.py" line="65"/>
        <source>Choose the spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/source_pages.py" line="66"/>
        <source>A CSV or Excel (XLSX) file whose first row names the columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/source_pages.py" line="69"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/source_pages.py" line="70"/>
        <source>Type the file&apos;s path or press Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/source_pages.py" line="73"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/source_pages.py" line="75"/>
        <source>Browse… for the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/source_pages.py" line="85"/>
        <source>What to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/source_pages.py" line="91"/>
        <source>About the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/source_pages.py" line="96"/>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/source_pages.py" line="99"/>
        <source>&amp;What to import:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/source_pages.py" line="117"/>
        <source>Choose the spreadsheet to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/source_pages.py" line="119"/>
        <source>Spreadsheets (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/source_pages.py" line="138"/>
        <source>Reading {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/source_pages.py" line="155"/>
        <source>This file cannot be imported: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/source_pages.py" line="164"/>
        <source>Reading {0} was cancelled, so it has not been opened. Press Next to read it again, or choose another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/source_pages.py" line="174"/>
        <source>An Excel workbook with {0} sheet(s): {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/source_pages.py" line="181"/>
        <source>A CSV file: text encoding {0}, columns separated by {1}; {2} columns, about {3} rows.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GrantPage</name>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/grant.py" line="88"/>
        <source>Mark done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/grant.py" line="93"/>
        <source>Edit deliverable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/grant.py" line="112"/>
        <source>Grant: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/grant.py" line="167"/>
        <source>Mark done: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/grant.py" line="177"/>
        <source>{0} marked done. Ctrl+Z undoes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/grant.py" line="183"/>
        <source>Remove deliverable: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/grant.py" line="188"/>
        <source>{0} removed. Ctrl+Z undoes it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Grouping</name>
    <message>
        <location filename="../../brokerdesk/gui/grouping/feature.py" line="52"/>
        <source>Group by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/grouping/feature.py" line="53"/>
        <source>Group the list by a column, with totals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/grouping/feature.py" line="54"/>
        <source>No groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/grouping/feature.py" line="57"/>
        <source>Group b&amp;y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/grouping/feature.py" line="67"/>
        <source>{0} in groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/grouping/feature.py" line="77"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/grouping/feature.py" line="144"/>
        <location filename="../../brokerdesk/gui/grouping/feature.py" line="169"/>
        <source>Grouping the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/grouping/feature.py" line="159"/>
        <source>Working out the groups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/grouping/feature.py" line="168"/>
        <source>The list could not be grouped: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/grouping/feature.py" line="188"/>
        <source>Total: {0} in {1} groups</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeaderRowPicker</name>
    <message>
        <location filename="../../brokerdesk/gui/importing/header_picker.py" line="69"/>
        <source>Header row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/header_picker.py" line="73"/>
        <source>&amp;Header row:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/header_picker.py" line="76"/>
        <source>About the header row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/header_picker.py" line="78"/>
        <source>Header row problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/header_picker.py" line="82"/>
        <source>First rows of the sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/header_picker.py" line="84"/>
        <source>Select the row that names the columns, then press Use the selected row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/header_picker.py" line="92"/>
        <source>&amp;Use the selected row as the header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/header_picker.py" line="94"/>
        <source>Use the selected row as the header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/header_picker.py" line="146"/>
        <source>Row 1 names the columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/header_picker.py" line="148"/>
        <source>Row {0} names the columns, as you chose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/header_picker.py" line="150"/>
        <source>Row {0} names the columns: BrokerDesk found it under the rows above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/header_picker.py" line="154"/>
        <source>row {0}: &apos;{1}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/header_picker.py" line="156"/>
        <source>Not imported: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HealthTab</name>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/health_tab.py" line="57"/>
        <location filename="../../brokerdesk/gui/views/dashboard/health_tab.py" line="89"/>
        <source>Follow-ups due and overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/health_tab.py" line="60"/>
        <location filename="../../brokerdesk/gui/views/dashboard/health_tab.py" line="85"/>
        <source>Partners: last contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/health_tab.py" line="64"/>
        <location filename="../../brokerdesk/gui/views/dashboard/health_tab.py" line="86"/>
        <source>Library services: last contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/health_tab.py" line="69"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/health_tab.py" line="70"/>
        <source>Library service contact limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/health_tab.py" line="74"/>
        <source>Library service contact &amp;limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/health_tab.py" line="80"/>
        <source>Ctrl+I on a row logs an interaction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/health_tab.py" line="115"/>
        <source>Checking follow-ups and contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/health_tab.py" line="131"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/health_tab.py" line="131"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/health_tab.py" line="148"/>
        <location filename="../../brokerdesk/gui/views/dashboard/health_tab.py" line="163"/>
        <source>Overdue for contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/health_tab.py" line="148"/>
        <location filename="../../brokerdesk/gui/views/dashboard/health_tab.py" line="163"/>
        <source>In touch</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../brokerdesk/gui/help/feature.py" line="56"/>
        <source>&amp;User guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/feature.py" line="59"/>
        <source>How to do the team&apos;s everyday tasks in BrokerDesk (F1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/feature.py" line="66"/>
        <source>What&apos;s &amp;This?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/feature.py" line="68"/>
        <source>Click any control to read what it does (Shift+F1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/feature.py" line="92"/>
        <source>&lt;b&gt;Navigation&lt;/b&gt;&lt;p&gt;The lists of partners, library services, programmes, contacts and interactions, the dashboard, your saved views and the Trash. Ctrl+1 to Ctrl+5 open the lists from anywhere.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/feature.py" line="100"/>
        <source>&lt;b&gt;Back&lt;/b&gt;&lt;p&gt;Return to the list or record you saw before (Alt+Left).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/feature.py" line="103"/>
        <source>&lt;b&gt;Forward&lt;/b&gt;&lt;p&gt;Go forward again after going back (Alt+Right).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/feature.py" line="106"/>
        <source>&lt;b&gt;New&lt;/b&gt;&lt;p&gt;Record a new partner, programme, contact or interaction, whichever list you are in (Ctrl+N). Library services are already all there.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/feature.py" line="111"/>
        <source>&lt;b&gt;Edit&lt;/b&gt;&lt;p&gt;Change the selected record or the one on screen (Ctrl+E).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/feature.py" line="114"/>
        <source>&lt;b&gt;Delete&lt;/b&gt;&lt;p&gt;Move the selected records to the Trash. BrokerDesk first says what else goes with them; Ctrl+Z or the Trash brings them back.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/feature.py" line="119"/>
        <source>&lt;b&gt;Undo&lt;/b&gt;&lt;p&gt;Take back your last change, however big (Ctrl+Z).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/feature.py" line="122"/>
        <source>&lt;b&gt;Redo&lt;/b&gt;&lt;p&gt;Do again what you just undid (Ctrl+Shift+Z).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/feature.py" line="125"/>
        <source>&lt;b&gt;Refresh&lt;/b&gt;&lt;p&gt;Read the lists again from the database (F5). Colleagues&apos; changes normally appear by themselves within seconds.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/__init__.py" line="85"/>
        <source>&lt;b&gt;Import&lt;/b&gt;&lt;p&gt;Bring partners, contacts, programmes, participations or interactions in from a CSV or Excel file, checking every row first (Ctrl+Shift+I).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/feature.py" line="130"/>
        <source>&lt;b&gt;Find&lt;/b&gt;&lt;p&gt;Jump to the search field of the list on screen (Ctrl+F).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/feature.py" line="133"/>
        <source>&lt;b&gt;Export view&lt;/b&gt;&lt;p&gt;Save exactly the rows and columns on screen to an Excel workbook or a CSV file (Ctrl+Shift+E).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/feature.py" line="162"/>
        <source>&lt;b&gt;Search&lt;/b&gt;&lt;p&gt;Type part of a name, a place, a postcode or a GSS code. Case, accents and small typos do not matter. The list narrows as you type; Ctrl+F comes back here.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/feature.py" line="174"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;&lt;p&gt;A filter: the list shows only the records that match it, together with the search and the other filters. Save the combination with View ▸ Save view… (Ctrl+Shift+S).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/feature.py" line="182"/>
        <source>&lt;b&gt;Columns&lt;/b&gt;&lt;p&gt;Choose which columns the list shows. The choice, the order and the widths are remembered.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/feature.py" line="189"/>
        <source>&lt;b&gt;The list&lt;/b&gt;&lt;p&gt;Enter or a double-click opens the record; click a column heading to sort by it; Shift or Ctrl with a click selects several rows for Edit, Delete or an export.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/record_buttons.py" line="13"/>
        <source>&lt;b&gt;Edit&lt;/b&gt;&lt;p&gt;Change this {noun}&apos;s details (Ctrl+E).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/record_buttons.py" line="14"/>
        <source>&lt;b&gt;Delete&lt;/b&gt;&lt;p&gt;Move this {noun} to the Trash, with what belongs only to it. Ctrl+Z or the Trash brings it back whole.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/record_buttons.py" line="19"/>
        <source>&lt;b&gt;Roll over&lt;/b&gt;&lt;p&gt;Make next year&apos;s round of this {noun}: name, round and dates a year on, the same offer areas, partners, target and measures, and the library services you choose at the stage you choose. Ctrl+Z takes it back.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/record_buttons.py" line="25"/>
        <source>&lt;b&gt;Add contact&lt;/b&gt;&lt;p&gt;Record a person who works at this {noun}.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/record_buttons.py" line="28"/>
        <source>&lt;b&gt;Add programme&lt;/b&gt;&lt;p&gt;Record a new programme with this {noun} as its lead partner.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/record_buttons.py" line="33"/>
        <source>&lt;b&gt;Add agreement&lt;/b&gt;&lt;p&gt;Record an agreement (MoU, data-sharing, contract, licence…) with this {noun}: its dates, renewal and notice dates, value and owner.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/record_buttons.py" line="38"/>
        <source>&lt;b&gt;Renew&lt;/b&gt;&lt;p&gt;Start a new term of this {noun}; the term it replaces is kept in the Terms tab. Ctrl+Z undoes it.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/record_buttons.py" line="43"/>
        <source>&lt;b&gt;End&lt;/b&gt;&lt;p&gt;End this {noun} on a date, with the reason. Ctrl+Z undoes it.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/record_buttons.py" line="47"/>
        <source>&lt;b&gt;Log interaction&lt;/b&gt;&lt;p&gt;Note a call, meeting or email about this {noun}, with a follow-up date if there is a next step (Ctrl+I).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/record_buttons.py" line="52"/>
        <source>&lt;b&gt;Erase personal data&lt;/b&gt;&lt;p&gt;Remove this person everywhere, as UK GDPR asks: their record, their details in the history, and their name and e-mail address in e-mails logged as interactions (which become “[erased]”). It cannot be undone; the question first says how many interactions change.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/record_buttons.py" line="59"/>
        <source>&lt;b&gt;Export personal data&lt;/b&gt;&lt;p&gt;Everything BrokerDesk holds about this person, for a subject access request (UK GDPR): their record and own fields, tags, lists, roles, the interactions they are on, the e-mails and notes that name them, the files attached to those (by name) and their history, as an Excel workbook (one sheet per kind) or JSON.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/record_buttons.py" line="67"/>
        <source>&lt;b&gt;Add library services&lt;/b&gt;&lt;p&gt;Sign up many library services at once: search, filter by nation, region or membership, &lt;i&gt;Select all shown&lt;/i&gt;, then choose the starting stage.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/record_buttons.py" line="73"/>
        <source>&lt;b&gt;Change stage&lt;/b&gt;&lt;p&gt;Move every selected participation to another stage (invited, interested, signed up, active, completed, withdrawn) in one step.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/record_buttons.py" line="78"/>
        <source>&lt;b&gt;Add partner&lt;/b&gt;&lt;p&gt;Give another partner a role in this {noun}.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/record_buttons.py" line="81"/>
        <source>&lt;b&gt;Name a lead&lt;/b&gt;&lt;p&gt;Choose which of this {noun}&apos;s contacts leads each offer area (Reading, Health &amp;amp; Wellbeing…). Services in live programmes with nobody named show on the dashboard&apos;s Named leads tab and on the Data quality page.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/help/record_buttons.py" line="87"/>
        <source>&lt;b&gt;Edit participation&lt;/b&gt;&lt;p&gt;Dates, figures (one for each of the programme&apos;s measures) and the local contact of the selected library service&apos;s participation.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/report_button.py" line="39"/>
        <source>&lt;b&gt;Summary report&lt;/b&gt;&lt;p&gt;This record&apos;s summary as a PDF that screen readers can follow, or its tables as XLSX or CSV; or print it, or see the printed pages first.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../brokerdesk/gui/safety/history_panel.py" line="196"/>
        <source>History of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/history_panel.py" line="203"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../brokerdesk/gui/safety/history_panel.py" line="82"/>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/history_panel.py" line="87"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/history_panel.py" line="118"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/history_panel.py" line="119"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/history_panel.py" line="120"/>
        <source>What changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/history_panel.py" line="102"/>
        <source>No changes recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/history_panel.py" line="89"/>
        <source>Every change to this record, newest first, each followed by its fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/history_panel.py" line="141"/>
        <source>#{0}, since deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/history_panel.py" line="151"/>
        <source>Changed {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/history_panel.py" line="157"/>
        <source>{0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/history_panel.py" line="158"/>
        <source>{0}, {1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/history_panel.py" line="166"/>
        <location filename="../../brokerdesk/gui/safety/history_panel.py" line="167"/>
        <source>{0}: {1} → {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/history_panel.py" line="169"/>
        <location filename="../../brokerdesk/gui/safety/history_panel.py" line="170"/>
        <source>{0}: {1} not kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/history_panel.py" line="213"/>
        <source>Open a record first to see its history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/history_panel.py" line="225"/>
        <source>Show &amp;history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/history_panel.py" line="228"/>
        <source>Who changed this record, what and when</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <location filename="../../brokerdesk/gui/importing/__init__.py" line="74"/>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/__init__.py" line="77"/>
        <source>Import partners, contacts, programmes, participations… from a CSV or Excel file (Ctrl+Shift+I)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportEmails</name>
    <message>
        <location filename="../../brokerdesk/gui/documents/folder_dialog.py" line="232"/>
        <source>Import e-mails from folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/folder_dialog.py" line="253"/>
        <source>Read e-mails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/folder_dialog.py" line="264"/>
        <source>Import {0} e-mails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/folder_dialog.py" line="268"/>
        <source>Import e-mails</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportEmailsDialog</name>
    <message>
        <location filename="../../brokerdesk/gui/documents/folder_dialog.py" line="74"/>
        <location filename="../../brokerdesk/gui/documents/folder_dialog.py" line="75"/>
        <source>Import e-mails from folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/folder_dialog.py" line="80"/>
        <source>E-mails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/folder_dialog.py" line="84"/>
        <source>Log the selected e-mails with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/folder_dialog.py" line="85"/>
        <source>(skip: do not import)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/folder_dialog.py" line="87"/>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/folder_dialog.py" line="87"/>
        <source>Library service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/folder_dialog.py" line="89"/>
        <source>Log the &amp;selected e-mails with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/folder_dialog.py" line="97"/>
        <source>New contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/folder_dialog.py" line="100"/>
        <location filename="../../brokerdesk/gui/documents/folder_dialog.py" line="183"/>
        <source>Add as &amp;contacts (each joins the record of the first e-mail they are on):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/folder_dialog.py" line="117"/>
        <source>Folder: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/folder_dialog.py" line="127"/>
        <source>Not e-mails, left alone: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/folder_dialog.py" line="148"/>
        <source>Skipped: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/folder_dialog.py" line="168"/>
        <source>{0}: on one e-mail, would join {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/folder_dialog.py" line="170"/>
        <source>{0}: on {2} e-mails, would join {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/folder_dialog.py" line="185"/>
        <source>Everyone on the e-mails to be logged is a contact already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/folder_dialog.py" line="205"/>
        <source>{0} e-mails read: {1} will be logged with the partner or library service shown; {2} are skipped. Select e-mails to choose another record or skip them. Nothing is written until you press Import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/folder_dialog.py" line="210"/>
        <source>&amp;Import {0} e-mails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/folder_dialog.py" line="211"/>
        <source>Import {0} e-mails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/folder_dialog.py" line="221"/>
        <source>chosen by you</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="59"/>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="60"/>
        <source>Update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="61"/>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="62"/>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="63"/>
        <source>Needs review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="68"/>
        <source>Note: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/shared.py" line="23"/>
        <source>Partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/shared.py" line="24"/>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/shared.py" line="25"/>
        <source>Library services (contact details)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/shared.py" line="26"/>
        <source>Branches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/shared.py" line="27"/>
        <source>Programmes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/shared.py" line="28"/>
        <source>Participations (a sign-up sheet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/shared.py" line="29"/>
        <source>Interactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/shared.py" line="30"/>
        <source>Agreements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/shared.py" line="31"/>
        <source>Grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/shared.py" line="39"/>
        <source>The file could not be read: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/shared.py" line="40"/>
        <source>The import failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/wizard.py" line="80"/>
        <location filename="../../brokerdesk/gui/importing/wizard.py" line="81"/>
        <source>Import a spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/wizard.py" line="126"/>
        <source>&amp;Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/wizard.py" line="127"/>
        <source>&lt; &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/wizard.py" line="128"/>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/wizard.py" line="129"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/wizard.py" line="151"/>
        <source>Reading {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/wizard.py" line="176"/>
        <source>Reading the sheet &apos;{0}&apos; of {1}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/wizard.py" line="209"/>
        <location filename="../../brokerdesk/gui/importing/wizard.py" line="212"/>
        <source>Reading the spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/wizard.py" line="270"/>
        <source>Checking row {0} of the first {1}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/wizard.py" line="289"/>
        <source>Checking the first rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/wizard.py" line="290"/>
        <source>Checking the first rows of {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/wizard.py" line="293"/>
        <source>Preview progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/wizard.py" line="327"/>
        <source>Importing row {0} of about {1}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/wizard.py" line="352"/>
        <source>Starting the import (a backup is taken first)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/wizard.py" line="351"/>
        <source>Importing {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/wizard.py" line="355"/>
        <source>Import progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/wizard.py" line="383"/>
        <source>Imported {0}: {1} created, {2} updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/wizard.py" line="394"/>
        <source>The import stopped and nothing was written: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/wizard.py" line="400"/>
        <source>The import was cancelled; nothing was written, because the file is imported in one transaction.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntegrityDialog</name>
    <message>
        <location filename="../../brokerdesk/gui/safety/integrity.py" line="56"/>
        <source>This folder is not safe for a database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/integrity.py" line="59"/>
        <source>Open anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/integrity.py" line="86"/>
        <source>The database is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/integrity.py" line="90"/>
        <source>BrokerDesk checked {0} and found damage: parts of the file cannot be read properly. This usually follows a crash, a full disk or a file copied while in use. Carrying on may lose more records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/integrity.py" line="96"/>
        <source>The newest backup that passes the check was taken on {0}; restoring it keeps the damaged file aside, so nothing is thrown away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/integrity.py" line="100"/>
        <source>There is no undamaged backup to go back to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/integrity.py" line="104"/>
        <source>Technical &amp;details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/integrity.py" line="107"/>
        <source>Technical details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/integrity.py" line="115"/>
        <source>&amp;Restore the newest good backup ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/integrity.py" line="125"/>
        <source>&amp;Continue anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/integrity.py" line="127"/>
        <source>Continue anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/integrity.py" line="189"/>
        <source>Checking the database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InteractionPage</name>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/people.py" line="122"/>
        <source>Interaction: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InviteGapsDialog</name>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/invite_gaps.py" line="62"/>
        <source>all regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/invite_gaps.py" line="63"/>
        <source>Invite the missing services: {0} in {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/invite_gaps.py" line="77"/>
        <source>There is no live programme in {0} to invite the {1} missing from {2} to. Make a programme of that offer area live first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/invite_gaps.py" line="88"/>
        <source>The gap list of {0} in {1} has {2}. Invited services stay in the gap list until they sign up: only signed up or active services count as covered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/invite_gaps.py" line="93"/>
        <source>&amp;Programme to invite them to (best fit first):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/invite_gaps.py" line="96"/>
        <source>Programme to invite them to (best fit first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/invite_gaps.py" line="107"/>
        <source>Invite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/invite_gaps.py" line="123"/>
        <source>library service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/invite_gaps.py" line="123"/>
        <source>library services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/invite_gaps.py" line="128"/>
        <source>{0} signed up or active already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/invite_gaps.py" line="129"/>
        <source>{0} in {1} already, {2} in all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/invite_gaps.py" line="150"/>
        <source>Invite {0} to {1} as Invited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/invite_gaps.py" line="153"/>
        <source> (skipping {0} already linked to it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/invite_gaps.py" line="155"/>
        <source>Invite {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/invite_gaps.py" line="170"/>
        <source>Invite {0} to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/invite_gaps.py" line="175"/>
        <source>Invited {0} to {1}. They stay in the gap list until they sign up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/invite_gaps.py" line="188"/>
        <source>Inviting {0}…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <location filename="../../brokerdesk/gui/launcher.py" line="53"/>
        <source>the demo database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/launcher.py" line="126"/>
        <source>part of BrokerDesk is missing ({0}); reinstalling it should help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/launcher.py" line="133"/>
        <source>{0} could not be opened: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/launcher.py" line="260"/>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/launcher.py" line="261"/>
        <source>Open recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/launcher.py" line="278"/>
        <source>No recent databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/launcher.py" line="286"/>
        <source>Create a new database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/launcher.py" line="293"/>
        <source>Open a database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/launcher.py" line="319"/>
        <source>{0} is an empty file, not a BrokerDesk database, so it was not opened. To start a new database there, choose File ▸ New database….</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LikelyExisting</name>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/likely_existing.py" line="53"/>
        <source>This {0} may already be in BrokerDesk:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/likely_existing.py" line="59"/>
        <source>Likely existing {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/likely_existing.py" line="62"/>
        <source>Open the e&amp;xisting one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/likely_existing.py" line="65"/>
        <source>Close this form without saving and open it (Alt+X)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/likely_existing.py" line="138"/>
        <source>{0} likely existing: {1}, {2}. Alt+X opens it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/likely_existing.py" line="184"/>
        <source>BrokerDesk could not check for a likely existing {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/likely_existing.py" line="186"/>
        <source>The check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/likely_existing.py" line="191"/>
        <source>Reading names to check against</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkServicesDialog</name>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/link_services.py" line="61"/>
        <source>Add library services to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/link_services.py" line="86"/>
        <source>Search library services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/link_services.py" line="87"/>
        <source>Search library services…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/link_services.py" line="90"/>
        <source>Any nation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/link_services.py" line="94"/>
        <source>Any region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/link_services.py" line="98"/>
        <source>&amp;Members only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/link_services.py" line="100"/>
        <source>Not yet lin&amp;ked to this programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/link_services.py" line="130"/>
        <source>Library services table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/link_services.py" line="142"/>
        <source>Select &amp;all shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/link_services.py" line="143"/>
        <source>Select all shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/link_services.py" line="144"/>
        <source>C&amp;lear selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/link_services.py" line="145"/>
        <source>Clear selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/link_services.py" line="150"/>
        <source>Selected count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/link_services.py" line="154"/>
        <source>Start at stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/link_services.py" line="155"/>
        <source>Start at s&amp;tage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/link_services.py" line="169"/>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/link_services.py" line="210"/>
        <source>{0} shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/link_services.py" line="219"/>
        <source>{0} selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/link_services.py" line="220"/>
        <source>library service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/link_services.py" line="220"/>
        <source>library services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/link_services.py" line="221"/>
        <source>Link {0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/link_services.py" line="237"/>
        <source>Link {0} library services to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/link_services.py" line="248"/>
        <source>Linking {0} library services…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../brokerdesk/gui/views/list_page.py" line="61"/>
        <source>{0} list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/list_page.py" line="78"/>
        <source>Search {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/list_page.py" line="79"/>
        <source>Search {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/list_page.py" line="177"/>
        <source>{0}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/list_page.py" line="108"/>
        <source>Result count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/list_page.py" line="111"/>
        <location filename="../../brokerdesk/gui/views/list_page.py" line="217"/>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/list_page.py" line="112"/>
        <source>Columns: show or hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/list_page.py" line="113"/>
        <source>Show or hide columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/list_page.py" line="120"/>
        <source>{0} table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/list_page.py" line="147"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/list_page.py" line="197"/>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/list_page.py" line="198"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/list_page.py" line="207"/>
        <source>Any {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/list_page.py" line="325"/>
        <source>Type 3 or more letters to search {0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/list_page.py" line="394"/>
        <source>Updating the list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/list_page.py" line="408"/>
        <source>Type letters or numbers to search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/list_page.py" line="411"/>
        <source>{0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogCall</name>
    <message>
        <location filename="../../brokerdesk/gui/today/log_call.py" line="67"/>
        <location filename="../../brokerdesk/gui/today/log_call.py" line="72"/>
        <source>Log call</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogEmail</name>
    <message>
        <location filename="../../brokerdesk/gui/documents/__init__.py" line="50"/>
        <location filename="../../brokerdesk/gui/documents/email_dialog.py" line="227"/>
        <source>Log e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/__init__.py" line="52"/>
        <source>Saved e-mails (*.eml *.msg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/__init__.py" line="79"/>
        <source>&amp;Log e-mail…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/__init__.py" line="82"/>
        <source>Log a saved e-mail (.eml or Outlook .msg) as an interaction, with its attachments (Ctrl+Shift+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/__init__.py" line="91"/>
        <source>Import e-&amp;mails from folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/__init__.py" line="93"/>
        <source>Log every saved e-mail of a folder with its partner, after a preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/email_dialog.py" line="192"/>
        <source>Read e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/email_dialog.py" line="221"/>
        <source>Log e-mail “{0}” with {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogEmailDialog</name>
    <message>
        <location filename="../../brokerdesk/gui/documents/email_dialog.py" line="71"/>
        <location filename="../../brokerdesk/gui/documents/email_dialog.py" line="72"/>
        <location filename="../../brokerdesk/gui/documents/email_dialog.py" line="130"/>
        <source>Log e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/email_dialog.py" line="77"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/email_dialog.py" line="80"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/email_dialog.py" line="82"/>
        <source> (the e-mail has no date: today)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/email_dialog.py" line="84"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/email_dialog.py" line="85"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/email_dialog.py" line="87"/>
        <source>Cc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/email_dialog.py" line="88"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/email_dialog.py" line="89"/>
        <source>Attachments (kept as documents)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/email_dialog.py" line="92"/>
        <source>Log with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/email_dialog.py" line="97"/>
        <source>Choose a partner or library service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/email_dialog.py" line="99"/>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/email_dialog.py" line="99"/>
        <source>Library service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/email_dialog.py" line="101"/>
        <source>Programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/email_dialog.py" line="105"/>
        <source>&amp;Log with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/email_dialog.py" line="109"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/email_dialog.py" line="111"/>
        <location filename="../../brokerdesk/gui/documents/email_dialog.py" line="112"/>
        <source>New contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/email_dialog.py" line="115"/>
        <source>Add {0} as a contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/email_dialog.py" line="120"/>
        <source>Everyone on it is a contact already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/email_dialog.py" line="128"/>
        <source>&amp;Log e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/email_dialog.py" line="135"/>
        <source>E-mail details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/email_dialog.py" line="160"/>
        <source>This e-mail was logged before (same Message-ID): it is not logged twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/documents/email_dialog.py" line="163"/>
        <source>Choose the partner or library service it goes with.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="77"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="83"/>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="89"/>
        <source>Data quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="95"/>
        <source>Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="188"/>
        <source>Opening {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="197"/>
        <source>Opening the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="206"/>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="288"/>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="291"/>
        <source>Main area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="371"/>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="378"/>
        <source>&amp;Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="385"/>
        <source>&amp;New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="389"/>
        <source>New record of the kind shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="393"/>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="397"/>
        <source>Edit the selected record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="401"/>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="405"/>
        <source>Delete the selected records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="407"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="411"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="416"/>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="420"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="428"/>
        <source>&amp;Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="432"/>
        <source>Copy the database (or the team server) to its backup folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="435"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="438"/>
        <source>&amp;About BrokerDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/menu_layout.py" line="76"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/menu_layout.py" line="102"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/menu_layout.py" line="123"/>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/menu_layout.py" line="136"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/menu_layout.py" line="142"/>
        <source>E&amp;xport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/menu_layout.py" line="164"/>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/menu_layout.py" line="171"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="458"/>
        <location filename="../../brokerdesk/gui/main_window.py" line="460"/>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="467"/>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="471"/>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="473"/>
        <source>Working in the background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="667"/>
        <location filename="../../brokerdesk/gui/main_window.py" line="675"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="668"/>
        <source>Delete {0}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="672"/>
        <source>You can undo this (Ctrl+Z) or restore it from the Trash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="701"/>
        <source>Backed up to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="714"/>
        <source>Back up the team server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="717"/>
        <source>Backed up the team server to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="726"/>
        <source>About BrokerDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/main_window.py" line="728"/>
        <source>&lt;h3&gt;BrokerDesk {0}&lt;/h3&gt;&lt;p&gt;National partnerships with UK public library services.&lt;/p&gt;&lt;p&gt;Library authorities: mySociety (CC BY 4.0) and ONS codes (Open Government Licence v3.0). Library branches: Arts Council England Basic Dataset for Libraries 2023 via Libraries Hacked (Open Government Licence v3.0; contains OS data © Crown copyright, Royal Mail data © Royal Mail copyright, ONS data © Crown copyright). Service directory: Libraries Hacked (CC0 1.0). Map boundaries: Office for National Statistics (Open Government Licence v3.0; contains OS data © Crown copyright and database right 2024; contains LPS Intellectual Property © Crown copyright and database right 2024).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapCanvas</name>
    <message>
        <location filename="../../brokerdesk/gui/views/map_view.py" line="177"/>
        <source>Coverage map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/map_view.py" line="178"/>
        <source>The same figures are in the table beside the map.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapTab</name>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/map_tab.py" line="67"/>
        <source>Shade by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/map_tab.py" line="68"/>
        <source>&amp;Shade by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/map_tab.py" line="78"/>
        <source>Zoom in (+)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/map_tab.py" line="79"/>
        <source>Zoom out (−)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/map_tab.py" line="80"/>
        <source>Fit (0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/map_tab.py" line="88"/>
        <source>Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/map_tab.py" line="90"/>
        <source>Map as a table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/map_tab.py" line="117"/>
        <source>Find in the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/map_tab.py" line="118"/>
        <source>Service, region or value…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/map_tab.py" line="120"/>
        <source>Fin&amp;d in the table:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/map_tab.py" line="124"/>
        <source>Sort by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/map_tab.py" line="125"/>
        <source>Library service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/map_tab.py" line="125"/>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/map_tab.py" line="125"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/map_tab.py" line="127"/>
        <source>Sort &amp;by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/map_tab.py" line="147"/>
        <source>Offer area: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/map_tab.py" line="149"/>
        <source>Programme: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/map_tab.py" line="195"/>
        <location filename="../../brokerdesk/gui/views/dashboard/map_tab.py" line="215"/>
        <source>Not a member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/map_tab.py" line="222"/>
        <source>Boundaries: ONS, OGL v3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../brokerdesk/gui/importing/mapping_page.py" line="55"/>
        <source>Match the columns to fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/mapping_page.py" line="58"/>
        <source>Choose the column that holds each field. Fields marked * are required; columns left out are not imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/mapping_page.py" line="77"/>
        <source>Fields and their columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/mapping_page.py" line="84"/>
        <source>Programme for every row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/mapping_page.py" line="87"/>
        <source>Stage for rows without one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/mapping_page.py" line="88"/>
        <source>(from the file, or Invited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/mapping_page.py" line="91"/>
        <source>&amp;Programme for every row:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/mapping_page.py" line="93"/>
        <source>S&amp;tage for rows without one:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/mapping_page.py" line="124"/>
        <source>Filled in from the mapping you saved for these columns last time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/mapping_page.py" line="129"/>
        <source>Suggested from the column headers: check each field before going on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/mapping_page.py" line="167"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/mapping_page.py" line="167"/>
        <source>Column in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/mapping_page.py" line="167"/>
        <source>First value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/mapping_page.py" line="173"/>
        <source>{0} *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/mapping_page.py" line="177"/>
        <source>Column for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/mapping_page.py" line="178"/>
        <source> (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/mapping_page.py" line="179"/>
        <source>(not imported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/mapping_page.py" line="189"/>
        <source>First value for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/mapping_page.py" line="210"/>
        <source>(from the file&apos;s Programme column)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/mapping_page.py" line="245"/>
        <source>Next is blocked until the fields marked in red have a column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/mapping_page.py" line="272"/>
        <source>&apos;{0}&apos; is already the column for {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/mapping_page.py" line="276"/>
        <location filename="../../brokerdesk/gui/importing/mapping_page.py" line="283"/>
        <source>Required: choose the column that holds {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/mapping_page.py" line="284"/>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/mapping_page.py" line="280"/>
        <source>Required: choose a Programme column, or the programme below.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatchesPage</name>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="54"/>
        <source>Matching and invalid rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="55"/>
        <source>Then press Import. The whole file is written, or none of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="57"/>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="59"/>
        <source>Rows that match an existing record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="62"/>
        <source>&amp;Skip them: leave the existing records as they are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="65"/>
        <source>&amp;Update the existing records with the file&apos;s values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="67"/>
        <source>&amp;Create new records anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="80"/>
        <source>Skip in&amp;valid rows and import the rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="86"/>
        <source>Otherwise any refused row, including an uncertain match left refused, refuses the whole file and nothing is written. Refused rows can be saved as CSV, fixed and imported again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="112"/>
        <source>{0} that already exist are never created twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="124"/>
        <source>{0} of the first {1} rows match an existing record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="130"/>
        <source>A backup of the database is taken first. The import runs as one transaction: Cancel stops it and nothing is written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="135"/>
        <source>The import runs as one transaction on the team server: Cancel stops it and nothing is written. Backups of the team server are made by its administrator.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_view.py" line="71"/>
        <source>partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_view.py" line="71"/>
        <source>contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_view.py" line="73"/>
        <source>Merge two {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_view.py" line="94"/>
        <source>Choose the record to keep, then, for each field that differs, the value to keep. Everything linked to the other record moves to the one you keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_view.py" line="102"/>
        <source>Record to &amp;keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_view.py" line="108"/>
        <source>{0} (#{1}, saved {2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_view.py" line="112"/>
        <source>Keep {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_view.py" line="139"/>
        <source>Both combined: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_view.py" line="139"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_view.py" line="142"/>
        <source>{0}: both combined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_view.py" line="149"/>
        <source>Your own fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_view.py" line="159"/>
        <source>The two records, field by field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_view.py" line="173"/>
        <source>&amp;Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_view.py" line="177"/>
        <source>Cancel, merge nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_view.py" line="191"/>
        <source>{0} (the same in both)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_view.py" line="193"/>
        <source>{0}: the same in both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_view.py" line="204"/>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_view.py" line="206"/>
        <source>from {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_view.py" line="242"/>
        <source>{0} keeps all its own values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_view.py" line="244"/>
        <source>{0} keeps its own values except {1}, taken from {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_view.py" line="248"/>
        <source>It will be called {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_view.py" line="251"/>
        <source>The values not kept ({0}) are written to its history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_view.py" line="284"/>
        <source>kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_view.py" line="284"/>
        <source>merged in, then deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_view.py" line="315"/>
        <location filename="../../brokerdesk/gui/duplicates/merge_view.py" line="318"/>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_view.py" line="316"/>
        <source>Merge {0} into {1}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/duplicates/merge_view.py" line="330"/>
        <source>Merge {0} into {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoveDateDialog</name>
    <message>
        <location filename="../../brokerdesk/gui/today/page.py" line="86"/>
        <location filename="../../brokerdesk/gui/today/page.py" line="87"/>
        <source>Move to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/page.py" line="91"/>
        <source>New date for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/page.py" line="92"/>
        <source>&amp;New date:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoveToServer</name>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/move_to_server.py" line="62"/>
        <location filename="../../brokerdesk/gui/dialogs/move_to_server.py" line="70"/>
        <source>Move to a team server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/move_to_server.py" line="63"/>
        <source>This database is already on a team server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/move_to_server.py" line="76"/>
        <source>Copied {0:,} rows to {1}; the counts match. Open the team server now? (Your file stays as it is.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/move_to_server.py" line="83"/>
        <source>Copied {0:,} rows to the team server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/move_to_server.py" line="93"/>
        <source>Copying every record to the team server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/move_to_server.py" line="96"/>
        <source>The move was cancelled; nothing was written to the server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoveToServerDialog</name>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/move_to_server.py" line="32"/>
        <source>Move to a team server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/move_to_server.py" line="38"/>
        <source>Every record in {0}, with its history, Trash and documents, is copied into the server&apos;s database, which must be empty (ask the server&apos;s administrator to create one). The file itself stays as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/move_to_server.py" line="50"/>
        <source>&amp;Copy to the server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <location filename="../../brokerdesk/gui/search/saved_views.py" line="93"/>
        <source>View name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/search/saved_views.py" line="96"/>
        <source>View name message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/search/saved_views.py" line="101"/>
        <source>View &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NamedLead</name>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/named_lead.py" line="145"/>
        <source>Name {0} as {1} lead at {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/named_lead.py" line="149"/>
        <source>Clear the {0} lead at {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NamedLeadDialog</name>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/named_lead.py" line="77"/>
        <source>Name a lead: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/named_lead.py" line="84"/>
        <source>Offer area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/named_lead.py" line="86"/>
        <source>Nobody named</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/named_lead.py" line="89"/>
        <source>Named lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/named_lead.py" line="91"/>
        <source>Offer &amp;area:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/named_lead.py" line="93"/>
        <source>&amp;Lead:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/named_lead.py" line="102"/>
        <source>{0} has no contacts yet: add the person with Add contact… on its page, then name them here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NamedLeadsTab</name>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/named_leads_tab.py" line="44"/>
        <source>Library services taking part in live programmes with no named lead for the programme&apos;s offer area. Enter on a count lists those services; Enter on a service opens it, where Name a lead… fills the gap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/named_leads_tab.py" line="51"/>
        <source>Services with no named lead, by region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/named_leads_tab.py" line="54"/>
        <source>Services with no named lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/named_leads_tab.py" line="56"/>
        <source>Library service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/named_leads_tab.py" line="57"/>
        <location filename="../../brokerdesk/gui/views/dashboard/named_leads_tab.py" line="114"/>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/named_leads_tab.py" line="58"/>
        <source>Offer area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/named_leads_tab.py" line="59"/>
        <source>Live programmes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/named_leads_tab.py" line="66"/>
        <source>&lt;b&gt;By region and offer area&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/named_leads_tab.py" line="99"/>
        <source>Finding services with no named lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/named_leads_tab.py" line="114"/>
        <source>All offer areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/named_leads_tab.py" line="155"/>
        <source>everywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/named_leads_tab.py" line="157"/>
        <source>{0} services with no named lead ({1}):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <location filename="../../brokerdesk/gui/operations.py" line="79"/>
        <source>the database could not be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/operations.py" line="94"/>
        <source>{0} could not use a file: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/operations.py" line="98"/>
        <source>{0} did not finish because of an unexpected problem ({1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/operations.py" line="222"/>
        <source>{0} progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/operations.py" line="228"/>
        <source>{0} was cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OwnFields</name>
    <message>
        <location filename="../../brokerdesk/gui/own_fields/feature.py" line="34"/>
        <source>Custom &amp;fields…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/own_fields/feature.py" line="36"/>
        <source>Add your own fields to partners, contacts and other records</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartnerPage</name>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/partner.py" line="102"/>
        <source>Partner: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="103"/>
        <source>(empty: typed &apos;{0}&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="104"/>
        <source>{0} (typed &apos;{1}&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="119"/>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="121"/>
        <source>What happens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="123"/>
        <source>Reasons and notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="138"/>
        <source> (with notes)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="158"/>
        <source>Check the rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="160"/>
        <source>What will happen to the first {0} rows. Nothing is written yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="165"/>
        <source>Preview counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="167"/>
        <source>Not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="170"/>
        <source>Checking the first rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="175"/>
        <source>Rows as they would be imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="183"/>
        <source>&lt;b&gt;Uncertain matches to review&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="187"/>
        <source>The file names these in a way that could mean more than one record. Choose the one it means, or leave the row refused. Accepting every suggested match leaves the rows only you can settle (a name several services share, a split council, a shared service) for you to choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="193"/>
        <source>&amp;Accept every suggested match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="199"/>
        <source>Uncertain matches to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="213"/>
        <source>Check the rows &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="237"/>
        <source>Checking the first rows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="269"/>
        <source>Checking the rows was cancelled, so there is nothing to show yet. Press Check the rows again, or go Back to change the choices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="283"/>
        <source>Columns not imported ({0}): {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="289"/>
        <source>row {0}: &apos;{1}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="292"/>
        <source>Above the header row, not imported: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="298"/>
        <source>The first {0} rows (of about {1}): </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="302"/>
        <source>All {0} rows: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="304"/>
        <source>{0} to create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="305"/>
        <source>{0} to update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="306"/>
        <source>{0} to skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="307"/>
        <source>{0} refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="308"/>
        <source>{0} need review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="313"/>
        <source>The other rows are checked when you import; any refused there are listed in the summary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="327"/>
        <source>Leave the row refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="332"/>
        <source>{0} ({1}% alike)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="338"/>
        <source>Row {0}: &apos;{1}&apos; ({2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/preview_page.py" line="339"/>
        <source>uncertain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgrammePage</name>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/programme.py" line="65"/>
        <source>Sho&amp;w stage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/programme.py" line="67"/>
        <source>Show stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/programme.py" line="68"/>
        <source>All stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/programme.py" line="103"/>
        <source>Programme: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/programme.py" line="148"/>
        <source>{0} of {1} shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <location filename="../../brokerdesk/gui/operations.py" line="108"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/record_form.py" line="100"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/record_form.py" line="100"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/record_form.py" line="161"/>
        <source>Fields marked * are required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/record_form.py" line="193"/>
        <source>Save (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/record_form.py" line="198"/>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/record_form.py" line="212"/>
        <source>Your own fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/record_form.py" line="224"/>
        <source>Required {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/record_form.py" line="407"/>
        <source>Not saved: you kept the other version open to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/record_form.py" line="419"/>
        <source>Press Save again to keep your values, or Cancel to keep the saved ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/record_form.py" line="438"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/record_form.py" line="472"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/record_form.py" line="473"/>
        <source>Discard the changes you made to this {0}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/record_form.py" line="474"/>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/record_form.py" line="475"/>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/editors.py" line="191"/>
        <source>DD/MM/YYYY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/editors.py" line="194"/>
        <source>Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/editors.py" line="195"/>
        <source>Calendar for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/editors.py" line="196"/>
        <source>Choose {0} from a calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/editors.py" line="266"/>
        <source>Type to search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/extras.py" line="85"/>
        <source>Separate tags with commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/extras.py" line="108"/>
        <location filename="../../brokerdesk/gui/dialogs/extras.py" line="109"/>
        <source>Add a partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/extras.py" line="134"/>
        <source>Partner {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/extras.py" line="138"/>
        <location filename="../../brokerdesk/gui/dialogs/extras.py" line="152"/>
        <source>Role of partner {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/extras.py" line="143"/>
        <location filename="../../brokerdesk/gui/dialogs/parties.py" line="70"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/extras.py" line="144"/>
        <source>Remove partner {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/extras.py" line="149"/>
        <source>Partner {0}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/extras.py" line="151"/>
        <source>Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/extras.py" line="200"/>
        <source>Name (unit); another (unit): People reached (people)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/parties.py" line="46"/>
        <source>Add a {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/parties.py" line="63"/>
        <source>{0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/parties.py" line="71"/>
        <source>Remove {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordKinds</name>
    <message>
        <location filename="../../brokerdesk/core/kinds.py" line="102"/>
        <source>partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/core/kinds.py" line="103"/>
        <source>partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/core/kinds.py" line="112"/>
        <source>library service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/core/kinds.py" line="113"/>
        <source>library services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/core/kinds.py" line="123"/>
        <source>programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/core/kinds.py" line="124"/>
        <source>programmes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/core/kinds.py" line="133"/>
        <source>contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/core/kinds.py" line="134"/>
        <source>contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/core/kinds.py" line="142"/>
        <source>interaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/core/kinds.py" line="143"/>
        <source>interactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/core/kinds.py" line="162"/>
        <location filename="../../brokerdesk/core/kinds.py" line="163"/>
        <source>series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/core/kinds.py" line="171"/>
        <source>grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/core/kinds.py" line="172"/>
        <source>grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/core/kinds.py" line="182"/>
        <source>branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/core/kinds.py" line="183"/>
        <source>branches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/core/kinds.py" line="190"/>
        <source>participation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/core/kinds.py" line="191"/>
        <source>participations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/core/kinds.py" line="152"/>
        <source>agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/core/kinds.py" line="153"/>
        <source>agreements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/core/kinds.py" line="200"/>
        <source>programme partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/core/kinds.py" line="201"/>
        <source>programme partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/core/kinds.py" line="209"/>
        <source>document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/core/kinds.py" line="210"/>
        <source>documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/core/kinds.py" line="218"/>
        <source>deliverable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/core/kinds.py" line="219"/>
        <source>deliverables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/core/kinds.py" line="225"/>
        <source>offer area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/core/kinds.py" line="226"/>
        <source>offer areas</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/base.py" line="190"/>
        <source>Related records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/base.py" line="336"/>
        <source>⚠ This {0} was deleted. If you deleted it, Undo (Ctrl+Z) brings it back; otherwise it may be in the Trash. Use Back (Alt+Left) to leave this page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/base.py" line="340"/>
        <source>This {0} was deleted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/record_table.py" line="45"/>
        <source>{0}: columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/record_table.py" line="51"/>
        <source>Log interaction…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefusedModel</name>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="181"/>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="181"/>
        <source>Why it was refused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RelatedTable</name>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/base.py" line="88"/>
        <source>{0} table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/base.py" line="107"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReminderWords</name>
    <message>
        <location filename="../../brokerdesk/gui/today/words.py" line="30"/>
        <source>Follow up: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/words.py" line="32"/>
        <source>Renewal due: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/words.py" line="34"/>
        <source>Last day to give notice: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/words.py" line="36"/>
        <source>Agreement ends: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/words.py" line="39"/>
        <source>Report due: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/words.py" line="41"/>
        <source>Milestone due: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/words.py" line="43"/>
        <source>Payment due: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/words.py" line="44"/>
        <source>Deliverable due: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/words.py" line="47"/>
        <source>Never contacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../brokerdesk/gui/today/words.py" line="49"/>
        <source>Not contacted for %n day(s) (every {0})</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/words.py" line="57"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../brokerdesk/gui/today/words.py" line="59"/>
        <source>%n day(s) overdue</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../brokerdesk/gui/today/words.py" line="60"/>
        <source>in %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <location filename="../../brokerdesk/core/reminders.py" line="49"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/core/reminders.py" line="50"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/core/reminders.py" line="51"/>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/core/reminders.py" line="52"/>
        <source>Next 60 days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RenewDialog</name>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/agreement_actions.py" line="129"/>
        <source>Renew agreement: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/agreement_actions.py" line="130"/>
        <source>&amp;Renew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/agreement_actions.py" line="140"/>
        <source>Renew “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../brokerdesk/gui/reporting/choosing.py" line="78"/>
        <source>Region summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/choosing.py" line="87"/>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/choosing.py" line="88"/>
        <source>&amp;Region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/choosing.py" line="92"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/choosing.py" line="97"/>
        <source>&amp;PDF document, tagged for screen readers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/choosing.py" line="98"/>
        <source>Excel &amp;workbook (XLSX), one sheet per table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/choosing.py" line="99"/>
        <source>&amp;CSV files, one per table, in a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/choosing.py" line="109"/>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/choosing.py" line="110"/>
        <source>&amp;Save as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/choosing.py" line="144"/>
        <source>{0} region summary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <location filename="../../brokerdesk/gui/reporting/actions.py" line="74"/>
        <source>Wrote the {0} to &apos;{1}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/actions.py" line="77"/>
        <source>Report exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/actions.py" line="82"/>
        <source>Export report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/actions.py" line="122"/>
        <source>Laying out the pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/actions.py" line="126"/>
        <source>Wrote the board pack &apos;{0}&apos; ({1} reports) to &apos;{2}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/actions.py" line="130"/>
        <source>Board pack made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/actions.py" line="133"/>
        <location filename="../../brokerdesk/gui/reporting/actions.py" line="150"/>
        <source>Board pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/actions.py" line="134"/>
        <source>Gathering the reports…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/actions.py" line="146"/>
        <source>Reading the names of the reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/actions.py" line="149"/>
        <source>The reports to choose from could not be read: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/actions.py" line="197"/>
        <source>Print report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/install.py" line="62"/>
        <source>Open a partner, programme or library service to report on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/install.py" line="74"/>
        <source>Open a partner, programme or library service to print it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/install.py" line="82"/>
        <source>&amp;Report on the record shown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/install.py" line="84"/>
        <source>The summary of the partner, programme or library service shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/install.py" line="88"/>
        <source>Re&amp;gion summary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/install.py" line="90"/>
        <source>A region&apos;s coverage, library services and programmes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/install.py" line="94"/>
        <source>&amp;Board pack…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/install.py" line="96"/>
        <source>Several reports in one PDF with a contents page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/install.py" line="100"/>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/install.py" line="102"/>
        <source>Print the summary of the record shown (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/install.py" line="107"/>
        <source>Print pre&amp;view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/install.py" line="109"/>
        <source>See the printed pages of the record shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/report_button.py" line="31"/>
        <source>Su&amp;mmary report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/report_button.py" line="33"/>
        <source>Summary report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/report_button.py" line="35"/>
        <source>This record&apos;s summary: save it as PDF, XLSX or CSV, or print it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/report_button.py" line="47"/>
        <source>Report as</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreBackupDialog</name>
    <message>
        <location filename="../../brokerdesk/gui/safety/restore_backup.py" line="62"/>
        <location filename="../../brokerdesk/gui/safety/restore_backup.py" line="193"/>
        <location filename="../../brokerdesk/gui/safety/restore_backup.py" line="219"/>
        <source>Restore from backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/restore_backup.py" line="68"/>
        <source>Choose the backup to go back to. It is checked before anything changes. Your current database is not deleted: it is kept beside it as “{0}-before-restore-…{1}”, and this window reopens on the backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/restore_backup.py" line="76"/>
        <source>&amp;Backups of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/restore_backup.py" line="111"/>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/restore_backup.py" line="81"/>
        <source>Taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/restore_backup.py" line="85"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/restore_backup.py" line="88"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/restore_backup.py" line="125"/>
        <source>There are no backups of this database yet. File ▸ Back up now makes one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/restore_backup.py" line="138"/>
        <source>&amp;Check and restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/restore_backup.py" line="140"/>
        <source>Check and restore the chosen backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/restore_backup.py" line="142"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/restore_backup.py" line="171"/>
        <source>Problem: this backup is damaged and cannot be restored ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/restore_backup.py" line="200"/>
        <location filename="../../brokerdesk/gui/safety/restore_backup.py" line="224"/>
        <source>Restored the backup {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/restore_backup.py" line="202"/>
        <location filename="../../brokerdesk/gui/safety/restore_backup.py" line="226"/>
        <source>The previous file is kept as {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/restore_backup.py" line="239"/>
        <source>Restoring the backup {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/restore_backup.py" line="243"/>
        <source>Restore progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/restore_backup.py" line="286"/>
        <source>Restore from bac&amp;kup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/restore_backup.py" line="290"/>
        <source>A team server is restored by its administrator, with everyone out of it: brokerdesk restore --db &lt;server&gt; BACKUP (see the user guide).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/restore_backup.py" line="299"/>
        <source>Go back to an earlier copy of this database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RollOverDialog</name>
    <message>
        <location filename="../../brokerdesk/gui/series/roll_over_dialog.py" line="44"/>
        <location filename="../../brokerdesk/gui/series/roll_over_dialog.py" line="45"/>
        <location filename="../../brokerdesk/gui/series/roll_over_dialog.py" line="73"/>
        <location filename="../../brokerdesk/gui/series/roll_over_dialog.py" line="74"/>
        <source>Roll over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/series/roll_over_dialog.py" line="48"/>
        <source>Makes next year&apos;s round of {0}: the name, round and dates a year on, the same offer areas, partners, target and measures. It starts as an idea.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/series/roll_over_dialog.py" line="57"/>
        <source>Library services to bring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/series/roll_over_dialog.py" line="58"/>
        <source>&amp;Library services to bring:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/series/roll_over_dialog.py" line="63"/>
        <source>Their stage in the new round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/series/roll_over_dialog.py" line="64"/>
        <source>&amp;Their stage in the new round:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/series/roll_over_dialog.py" line="91"/>
        <source>Roll over {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaveRow</name>
    <message>
        <location filename="../../brokerdesk/gui/reporting/choosing.py" line="43"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/choosing.py" line="44"/>
        <source>Browse for a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/reporting/choosing.py" line="57"/>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SavedViewsNavigator</name>
    <message>
        <location filename="../../brokerdesk/gui/search/saved_views.py" line="164"/>
        <source>Saved views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/search/saved_views.py" line="174"/>
        <source>Saved view of {0}: F2 renames, Delete deletes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/search/saved_views.py" line="212"/>
        <source>Showing saved view “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/search/saved_views.py" line="219"/>
        <source>Open a list to save a view of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/search/saved_views.py" line="226"/>
        <source>Saved view “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/search/saved_views.py" line="228"/>
        <source>Save view of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/search/saved_views.py" line="242"/>
        <source>Rename saved view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/search/saved_views.py" line="252"/>
        <source>Delete saved view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/search/saved_views.py" line="253"/>
        <source>Delete the saved view “{0}”? The records themselves are not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/search/saved_views.py" line="279"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/search/saved_views.py" line="280"/>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/search/saved_views.py" line="282"/>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/search/feature.py" line="42"/>
        <source>Save view…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPalette</name>
    <message>
        <location filename="../../brokerdesk/gui/search/palette.py" line="59"/>
        <location filename="../../brokerdesk/gui/search/palette.py" line="69"/>
        <source>Search everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/search/feature.py" line="34"/>
        <location filename="../../brokerdesk/gui/search/palette.py" line="68"/>
        <source>Search everything…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/search/palette.py" line="73"/>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/search/palette.py" line="78"/>
        <source>Search status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/search/palette.py" line="110"/>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/search/palette.py" line="122"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/search/palette.py" line="135"/>
        <source>Search failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/search/palette.py" line="167"/>
        <source>Type to search partners, services, contacts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/search/palette.py" line="169"/>
        <source>Type letters or numbers to search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/search/palette.py" line="171"/>
        <source>Nothing found for “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/search/palette.py" line="173"/>
        <source>{0} found — ↑↓ to choose, Enter to open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/search/palette.py" line="177"/>
        <source>{0} found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/search/palette.py" line="185"/>
        <source>tag: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/search/palette.py" line="186"/>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SeriesPage</name>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/series.py" line="47"/>
        <source>Library services taking part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/series.py" line="49"/>
        <source>New library services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/series.py" line="53"/>
        <source>Lapsed library services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/series.py" line="63"/>
        <source>Stage: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/series.py" line="70"/>
        <source>Nation: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/series.py" line="77"/>
        <location filename="../../brokerdesk/gui/views/pages/series.py" line="93"/>
        <source>{0} in {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/series.py" line="86"/>
        <source>Region: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/series.py" line="152"/>
        <source>Series: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/series.py" line="153"/>
        <source>{0} rounds</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServicePage</name>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/service.py" line="86"/>
        <source>Library service: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/service.py" line="87"/>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/service.py" line="87"/>
        <source>Not a member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/service.py" line="108"/>
        <source>Nobody named</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/service.py" line="119"/>
        <source>Named leads ({0} of {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/service.py" line="132"/>
        <source>this library service</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message>
        <location filename="../../brokerdesk/gui/importing/source_pages.py" line="204"/>
        <source>Choose the sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/source_pages.py" line="205"/>
        <source>The workbook has more than one place the rows could be.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/source_pages.py" line="208"/>
        <source>Sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/source_pages.py" line="211"/>
        <source>About the sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/source_pages.py" line="213"/>
        <source>&amp;Sheet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/source_pages.py" line="243"/>
        <source>This sheet cannot be imported: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/source_pages.py" line="254"/>
        <source>About {0} rows under the header row {1}. Columns: {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/source_pages.py" line="261"/>
        <source>Reading the sheet &apos;{0}&apos;…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/source_pages.py" line="280"/>
        <source>Reading the sheet &apos;{0}&apos; was cancelled. Press Next to read it again, or choose another sheet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaticLists</name>
    <message>
        <location filename="../../brokerdesk/gui/static_lists/feature.py" line="69"/>
        <source>Add to &amp;list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/static_lists/feature.py" line="72"/>
        <source>Put the selected records on a static list (Ctrl+Shift+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/static_lists/feature.py" line="76"/>
        <source>Remo&amp;ve from list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/static_lists/feature.py" line="78"/>
        <source>Take the selected records off the list shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/static_lists/feature.py" line="128"/>
        <source>Select records to add to a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/static_lists/feature.py" line="134"/>
        <source>Added {0} to “{1}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/static_lists/feature.py" line="141"/>
        <source>Add to list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/static_lists/feature.py" line="142"/>
        <source>Put {0} on a list of {1}: choose one, or type a new name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/static_lists/feature.py" line="162"/>
        <source>Took {0} off “{1}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/static_lists/feature.py" line="193"/>
        <source>Static lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/static_lists/feature.py" line="204"/>
        <source>Static list of {0}: Delete deletes the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/static_lists/feature.py" line="246"/>
        <source>Showing static list “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/static_lists/feature.py" line="253"/>
        <source>Deleted static list “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/static_lists/feature.py" line="261"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/static_lists/feature.py" line="262"/>
        <source>Delete list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubjectAccess</name>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/subject_access.py" line="29"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/subject_access.py" line="30"/>
        <source>JSON file (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/subject_access.py" line="32"/>
        <source>Personal data of {0}.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/subject_access.py" line="36"/>
        <location filename="../../brokerdesk/gui/views/pages/subject_access.py" line="112"/>
        <source>Export personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/subject_access.py" line="51"/>
        <source>Wrote everything held about {0} to &apos;{1}&apos;. Interactions they are on: {2}; e-mails naming them: {3}; notes naming them: {4}; attached files (listed by name): {5}; history entries: {6}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/subject_access.py" line="85"/>
        <source>Gathering, step {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/subject_access.py" line="100"/>
        <source>Personal data exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/subject_access.py" line="107"/>
        <source>The export was cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/subject_access.py" line="115"/>
        <source>Gathering everything held about {0}…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SuggestionsTab</name>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/suggestions_tab.py" line="56"/>
        <source>Programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/suggestions_tab.py" line="58"/>
        <source>Services to approach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/suggestions_tab.py" line="60"/>
        <source>&amp;Invite to programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/suggestions_tab.py" line="61"/>
        <source>Invite to programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/suggestions_tab.py" line="63"/>
        <source>Library service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/suggestions_tab.py" line="65"/>
        <source>Programmes to offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/suggestions_tab.py" line="67"/>
        <source>Invite to selecte&amp;d programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/suggestions_tab.py" line="68"/>
        <source>Invite to selected programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/suggestions_tab.py" line="74"/>
        <source>For a &amp;programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/suggestions_tab.py" line="75"/>
        <source>For a library &amp;service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/suggestions_tab.py" line="120"/>
        <source>Ranking suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/dashboard/suggestions_tab.py" line="172"/>
        <location filename="../../brokerdesk/gui/views/dashboard/suggestions_tab.py" line="183"/>
        <source>Invite {0} to {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="200"/>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="251"/>
        <source>Import finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="202"/>
        <source>What the import did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="206"/>
        <source>Created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="207"/>
        <source>Updated:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="208"/>
        <source>Skipped:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="209"/>
        <source>Refused:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="225"/>
        <source>Refused rows and why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="230"/>
        <source>&amp;Save refused rows as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="253"/>
        <source>Imported {0}: {1} rows read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="255"/>
        <source>{0} new contacts made from the contact columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="259"/>
        <source>Not imported: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="262"/>
        <source>Nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="266"/>
        <source>Nothing was written: {0} row(s) were refused, and a refused row refuses the whole file. Save them as CSV to fix them, or go Back and choose to skip invalid rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="286"/>
        <source>The file was imported in one transaction. An import cannot be undone with Edit ▸ Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="290"/>
        <source>; the backup taken just before it holds the database as it was:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="293"/>
        <source>; on the team server, ask its administrator for the last backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="297"/>
        <source>A backup was taken first:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="300"/>
        <source>The first {0} refused rows are listed and can be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="317"/>
        <source>Save the refused rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="318"/>
        <source>{0} - refused rows.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="319"/>
        <source>CSV file (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="329"/>
        <source>The refused rows could not be saved: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/importing/finish_pages.py" line="334"/>
        <source>Saved {0} refused rows to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TagManager</name>
    <message>
        <location filename="../../brokerdesk/gui/tagging/manager.py" line="76"/>
        <location filename="../../brokerdesk/gui/tagging/manager.py" line="77"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/tagging/manager.py" line="81"/>
        <source>Every tag, with how many records of each kind carry it. Choose a tag, then rename, merge, colour or delete it; Ctrl+Z in the main window undoes each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/tagging/manager.py" line="90"/>
        <source>Tags table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/tagging/manager.py" line="100"/>
        <source>New name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/tagging/manager.py" line="101"/>
        <source>&amp;Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/tagging/manager.py" line="103"/>
        <source>Merge into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/tagging/manager.py" line="104"/>
        <source>&amp;Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/tagging/manager.py" line="106"/>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/tagging/manager.py" line="107"/>
        <source>No colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/tagging/manager.py" line="110"/>
        <source>Set &amp;colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/tagging/manager.py" line="111"/>
        <source>&amp;Delete tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/tagging/manager.py" line="115"/>
        <source>New &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/tagging/manager.py" line="116"/>
        <source>Merge &amp;into:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/tagging/manager.py" line="117"/>
        <source>C&amp;olour:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/tagging/manager.py" line="128"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/tagging/manager.py" line="233"/>
        <source>Nothing changed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/tagging/manager.py" line="248"/>
        <source>Renamed tag “{0}” to “{1}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/tagging/manager.py" line="256"/>
        <source>Merged tag “{0}” into “{1}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/tagging/manager.py" line="264"/>
        <source>Tag “{0}” is now {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/tagging/manager.py" line="273"/>
        <source>Deleted tag “{0}” from {1} records</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tags</name>
    <message>
        <location filename="../../brokerdesk/gui/tagging/feature.py" line="28"/>
        <source>&amp;Tags…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/tagging/feature.py" line="30"/>
        <source>Rename, merge, colour or delete the tags on every kind of record</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Team</name>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="47"/>
        <source>Viewer: reads everything, changes nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="48"/>
        <source>Editor: changes records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="49"/>
        <source>Admin: also offer areas, custom fields and people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/feature.py" line="30"/>
        <source>You can view but not change records: ask an admin (Tools ▸ Team…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/feature.py" line="38"/>
        <source>Editor: you can change records; offer areas, custom fields and people are for admins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/feature.py" line="42"/>
        <source>Admin of the team server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/feature.py" line="65"/>
        <source>Te&amp;am…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/feature.py" line="68"/>
        <source>Roles and people are for a team server (PostgreSQL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/feature.py" line="70"/>
        <source>The people on the team server and what each may do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/feature.py" line="72"/>
        <source>Only an admin can see and change who is on the team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/feature.py" line="82"/>
        <source>Your role</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="71"/>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="72"/>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="145"/>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="76"/>
        <source>Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="77"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="83"/>
        <source>People on the team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="92"/>
        <source>Role of the chosen person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="93"/>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="95"/>
        <source>&amp;Change role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="96"/>
        <source>&amp;Add person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="97"/>
        <source>Re&amp;move from the team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="111"/>
        <source>Everyone below signs in to the team server with their own login. The server itself enforces each role, in BrokerDesk and in any other program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="168"/>
        <source>The team server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="180"/>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="184"/>
        <source>Reading the people on the team…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="216"/>
        <source>Asking the team server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="226"/>
        <source>{0} is now: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="237"/>
        <source>{0} is no longer on the team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="256"/>
        <source>{0} joined the team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="263"/>
        <source>Remove from the team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/team/dialog.py" line="265"/>
        <source>Take {0} off the team? They will no longer be able to open the team&apos;s database. Their history stays.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeamServerDialog</name>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/welcome.py" line="39"/>
        <location filename="../../brokerdesk/gui/dialogs/welcome.py" line="40"/>
        <source>Connect to a team server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/welcome.py" line="49"/>
        <source>&amp;Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/welcome.py" line="50"/>
        <source>&amp;Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/welcome.py" line="51"/>
        <source>&amp;Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/welcome.py" line="52"/>
        <source>&amp;User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/welcome.py" line="58"/>
        <source>BrokerDesk never stores your password. Put it in your ~/.pgpass file (pgpass.conf on Windows) or ask your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/welcome.py" line="67"/>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <location filename="../../brokerdesk/gui/theme.py" line="192"/>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/theme.py" line="216"/>
        <source>Theme: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/timeline.py" line="126"/>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/timeline.py" line="129"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/timeline.py" line="130"/>
        <source>S&amp;how:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/timeline.py" line="133"/>
        <location filename="../../brokerdesk/gui/views/pages/timeline.py" line="134"/>
        <source>Search the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/timeline.py" line="136"/>
        <source>Sea&amp;rch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/timeline.py" line="149"/>
        <source>Timeline table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/timeline.py" line="164"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/timeline.py" line="182"/>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/timeline.py" line="193"/>
        <source>Timeline ({0:,})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/timeline.py" line="201"/>
        <source>Type letters or numbers to search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/pages/timeline.py" line="204"/>
        <source>{0:,} of {1:,} shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../brokerdesk/gui/today/page.py" line="74"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/page.py" line="75"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/page.py" line="76"/>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/page.py" line="77"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/page.py" line="143"/>
        <source>Reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/page.py" line="159"/>
        <source>&amp;Show Today when BrokerDesk opens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/page.py" line="160"/>
        <source>Show Today when BrokerDesk opens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/page.py" line="215"/>
        <source>Today: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/page.py" line="223"/>
        <source>Reading what is due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/page.py" line="236"/>
        <source>What is due could not be read: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/page.py" line="273"/>
        <source>{0} overdue, {1} due today, {2} this week, {3} in the next 60 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/page.py" line="280"/>
        <source>Nothing is due in the next 60 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/page.py" line="343"/>
        <source>Mark done: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/page.py" line="344"/>
        <source>Done: {0}. Ctrl+Z undoes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/page.py" line="363"/>
        <source>Move “{0}” to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/page.py" line="367"/>
        <source>{0} moved to {1}. Ctrl+Z undoes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/page.py" line="389"/>
        <source>Call logged with {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/page.py" line="391"/>
        <source>The follow-up is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/today/page.py" line="392"/>
        <source>Ctrl+Z undoes it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrashPage</name>
    <message>
        <location filename="../../brokerdesk/gui/safety/trash_page.py" line="43"/>
        <location filename="../../brokerdesk/gui/safety/trash_page.py" line="46"/>
        <source>Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/trash_page.py" line="50"/>
        <source>Deleted records wait here with everything their deletion took. Restore puts them back; nothing is lost until you delete it permanently.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/trash_page.py" line="57"/>
        <source>&amp;Deleted records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/trash_page.py" line="62"/>
        <source>Deleted records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/trash_page.py" line="76"/>
        <source>The Trash is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/trash_page.py" line="96"/>
        <source>nothing else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/trash_page.py" line="98"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/trash_page.py" line="99"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/trash_page.py" line="100"/>
        <source>Deleted by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/trash_page.py" line="101"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/trash_page.py" line="104"/>
        <source>Took with it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/trash_page.py" line="152"/>
        <source>Restored {0} “{1}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/trash_page.py" line="163"/>
        <source>…and {0} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/trash_page.py" line="165"/>
        <source>Delete permanently?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/trash_page.py" line="166"/>
        <source>These will be deleted permanently and cannot be restored:
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/trash_page.py" line="167"/>
        <source>Delete permanently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/trash_page.py" line="188"/>
        <source>Empty the Trash?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/trash_page.py" line="190"/>
        <source>All {0} items in the Trash will be deleted permanently and cannot be restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/trash_page.py" line="192"/>
        <source>Empty trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/trash_page.py" line="197"/>
        <source>Emptied the Trash ({0} items)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/safety/trash_page.py" line="204"/>
        <source>Keep</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserGuideWindow</name>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/user_guide.py" line="85"/>
        <location filename="../../brokerdesk/gui/dialogs/user_guide.py" line="86"/>
        <source>BrokerDesk user guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/user_guide.py" line="95"/>
        <source>Contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/user_guide.py" line="99"/>
        <source>The tasks this guide explains. Choose one to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/user_guide.py" line="102"/>
        <source>&amp;Contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/user_guide.py" line="107"/>
        <source>User guide text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/user_guide.py" line="113"/>
        <source>Find in the guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/user_guide.py" line="114"/>
        <source>Word or phrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/user_guide.py" line="117"/>
        <source>&amp;Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/user_guide.py" line="119"/>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/user_guide.py" line="120"/>
        <source>Next match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/user_guide.py" line="123"/>
        <source>Pre&amp;vious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/user_guide.py" line="124"/>
        <source>Previous match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/user_guide.py" line="128"/>
        <source>Find status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/user_guide.py" line="152"/>
        <location filename="../../brokerdesk/gui/dialogs/user_guide.py" line="156"/>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/user_guide.py" line="154"/>
        <source>Find previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/user_guide.py" line="157"/>
        <source>Larger text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/user_guide.py" line="158"/>
        <source>Smaller text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/user_guide.py" line="159"/>
        <location filename="../../brokerdesk/gui/dialogs/user_guide.py" line="160"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/user_guide.py" line="182"/>
        <source>The user guide could not be read from {0} ({1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/user_guide.py" line="266"/>
        <source>That section is not in this guide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/user_guide.py" line="299"/>
        <source>Search went round to the other end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/user_guide.py" line="301"/>
        <source>“{0}” is not in the guide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ValueFilter</name>
    <message>
        <location filename="../../brokerdesk/gui/views/value_filter.py" line="38"/>
        <source>contains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/value_filter.py" line="39"/>
        <source>is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/value_filter.py" line="40"/>
        <source>at least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/value_filter.py" line="41"/>
        <source>at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/value_filter.py" line="42"/>
        <source>between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/value_filter.py" line="43"/>
        <source>before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/value_filter.py" line="44"/>
        <source>after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/value_filter.py" line="45"/>
        <source>within the next … days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/value_filter.py" line="46"/>
        <source>within the last … days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/value_filter.py" line="47"/>
        <source>is filled in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/value_filter.py" line="48"/>
        <source>is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/value_filter.py" line="51"/>
        <location filename="../../brokerdesk/gui/views/value_filter.py" line="52"/>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/value_filter.py" line="53"/>
        <source>e.g. 10,000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/value_filter.py" line="54"/>
        <source>e.g. £10,000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/value_filter.py" line="55"/>
        <source>e.g. 1/9/2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/value_filter.py" line="56"/>
        <source>days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/value_filter.py" line="77"/>
        <source>How to compare {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/value_filter.py" line="78"/>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/value_filter.py" line="84"/>
        <source>and</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/value_filter.py" line="87"/>
        <source>{0}, and</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/value_filter.py" line="176"/>
        <source>{0}, number of days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/views/value_filter.py" line="178"/>
        <source>{0}, value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ViewExport</name>
    <message>
        <location filename="../../brokerdesk/gui/exporting/view.py" line="48"/>
        <source>Open a list to export it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/view.py" line="54"/>
        <location filename="../../brokerdesk/gui/exporting/view.py" line="95"/>
        <source>Export view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/view.py" line="56"/>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/view.py" line="68"/>
        <source>Nothing was exported; &apos;{0}&apos; was kept as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/view.py" line="103"/>
        <source>Exporting {0} rows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/view.py" line="112"/>
        <source>Exported {0} rows to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/view.py" line="114"/>
        <source>View exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/menu.py" line="189"/>
        <source>Export &amp;view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/exporting/menu.py" line="192"/>
        <source>Export the rows of this list as shown (Ctrl+Shift+E)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/welcome.py" line="91"/>
        <location filename="../../brokerdesk/gui/dialogs/welcome.py" line="92"/>
        <location filename="../../brokerdesk/gui/dialogs/welcome.py" line="94"/>
        <source>Welcome to BrokerDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/welcome.py" line="101"/>
        <source>Track national partners, the programmes you broker and every library service that takes part. Where would you like to start?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/welcome.py" line="112"/>
        <source>&amp;Create a new database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/welcome.py" line="114"/>
        <source>A fresh database on this computer, with every UK library service already in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/welcome.py" line="120"/>
        <source>&amp;Open an existing database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/welcome.py" line="121"/>
        <source>A BrokerDesk file you or a colleague made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/welcome.py" line="125"/>
        <source>Connect to a &amp;team server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/welcome.py" line="126"/>
        <source>Work on the team&apos;s shared PostgreSQL database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/welcome.py" line="130"/>
        <source>&amp;Explore the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/welcome.py" line="132"/>
        <source>Fictional partners and programmes on the real library services, to try things out safely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/welcome.py" line="145"/>
        <source>Recent databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/welcome.py" line="150"/>
        <source>&amp;Recent databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/welcome.py" line="157"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/welcome.py" line="168"/>
        <source>Create a new database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../brokerdesk/gui/dialogs/welcome.py" line="175"/>
        <source>Open a database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
