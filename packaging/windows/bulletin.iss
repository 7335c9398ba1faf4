; Inno Setup 6 script: the Windows installer for the frozen app (dist\soc-bulletin).
;
;   iscc /DAppVersion=0.1.0 packaging\windows\bulletin.iss
;
; Installs for the current user only, with no administrator rights (the editor's laptops are
; managed and most users cannot elevate): into %LOCALAPPDATA%\Programs\SOC Bulletin Editor,
; with a Start menu entry, an uninstaller in Settings > Apps, and the editor offered under
; "Open with" for Word (.docx) and Markdown (.md) files: it imports them into the last issue.
; Nothing is written outside the user's own profile and registry hive (HKCU).
; Built and run by the release workflow's Windows job; not run on the Linux build machine.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\soc-bulletin"
#endif
#define AppName "SOC Bulletin Editor"
#define AppExe "bulletin-editor.exe"
#define ProgId "SocBulletin.Article"

[Setup]
; The id ties every later version's installer to this one: never change it.
AppId={{E37A55A5-9254-41C3-BE28-B19DA4715D53}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=SOC Local Partnerships Bulletin team
AppCopyright=Copyright (c) 2026 SOC Local Partnerships Bulletin team (MIT licence)
; Per user, no elevation: {autopf} is then %LOCALAPPDATA%\Programs and HKA is HKCU.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=soc-bulletin-{#AppVersion}-windows-x64-setup
SetupIconFile=..\icons\uk.gov.homeoffice.SocBulletin.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
LicenseFile=..\..\LICENSE
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
ChangesAssociations=yes
; A running editor holds its files: offer to close it rather than fail half-way.
CloseApplications=yes

[Tasks]
Name: "desktopicon"; Description: "Put a shortcut on the desktop"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update replaces the whole library folder, so no file of an older version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Assemble the SOC Local Partnerships Bulletin"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; "Open with": a ProgID for articles, listed for .docx and .md without taking over either
; type (Word stays the default for .docx), and the program's own entry with the types it takes.
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Article for the SOC Bulletin"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.docx\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.md\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".docx"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".md"; ValueData: ""

[Run]
Filename: "{app}\{#AppExe}"; Description: "Open the {#AppName}"; Flags: nowait postinstall skipifsilent
