; Inno Setup script: per-user installation of the one-folder bundle (dist\ropa-desktop),
; no administrator rights needed. Built by .github/workflows/bundles.yml on a Windows
; runner after packaging/build_bundle.sh:
;   iscc /DAppVersion=0.1.0 packaging\windows\ropa-desktop.iss
; Output: dist\ropa-desktop-<version>-setup.exe
; Not run on the project's own Linux machines (no Windows there): see packaging/README.md.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "ropa-desktop"
#define BundleDir "..\..\dist\ropa-desktop"

[Setup]
; A fixed AppId keeps upgrades and the uninstall entry together; never change it.
AppId={{6D1B1F0E-5A43-4C8E-9B7E-3F0A2C9D8E41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=ropa-desktop
AppComments=Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO)
; Per user: %LOCALAPPDATA%\Programs\ropa-desktop, no UAC prompt.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayName={#AppName} {#AppVersion}
UninstallDisplayIcon={app}\ropa-desktop.exe
LicenseFile={#BundleDir}\LICENSE.txt
OutputDir=..\..\dist
OutputBaseFilename=ropa-desktop-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; The register database lives in the user's data folder, not here: uninstalling keeps it.

[Languages]
Name: "de"; MessagesFile: "compiler:Languages\German.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
de.DesktopIcon=Verknüpfung auf dem &Desktop anlegen
en.DesktopIcon=Create a &desktop shortcut
de.LaunchNow=ropa-desktop jetzt starten
en.LaunchNow=Start ropa-desktop now
de.ThirdParty=Lizenzen der mitgelieferten Software
en.ThirdParty=Licences of the included software

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\ropa-desktop"; Filename: "{app}\ropa-desktop.exe"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:ThirdParty}"; Filename: "{app}\THIRD_PARTY_NOTICES.txt"
Name: "{group}\{cm:UninstallProgram,ropa-desktop}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\ropa-desktop"; Filename: "{app}\ropa-desktop.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\ropa-desktop.exe"; Description: "{cm:LaunchNow}"; Flags: nowait postinstall skipifsilent
