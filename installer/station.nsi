; Windows installer for the one-folder build in dist\station (per-user, no admin rights:
; the vault lives in the user's local app data, never in Program Files).
Unicode true
!include "MUI2.nsh"

!define APPNAME "心理健康服务站"
!define VERSION "0.1.0"
Name "${APPNAME}"
OutFile "..\dist\station-setup-${VERSION}.exe"
InstallDir "$LOCALAPPDATA\Programs\station"
RequestExecutionLevel user
SetCompressor /SOLID lzma

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

Section "Install"
  SetOutPath "$INSTDIR"
  File /r "..\dist\station\*.*"
  CreateShortCut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\station.exe"
  CreateShortCut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\station.exe"
  WriteUninstaller "$INSTDIR\uninstall.exe"
SectionEnd

Section "Uninstall"
  ; The vault (records) is deliberately left in place: removing the program never deletes records.
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  Delete "$DESKTOP\${APPNAME}.lnk"
  RMDir /r "$INSTDIR"
SectionEnd
