; The Windows installer of Rapport (NSIS, Debian's nsis package), made by cmake/Windows.cmake:
;   cmake --build build-windows --target windows-installer
; which passes the files to pack with -D (see there). It installs for the current user only,
; without administrator rights, to %LOCALAPPDATA%\Programs\Rapport, with a Start-menu entry and
; an entry in "Apps & features". The uninstaller removes the program and leaves the owner's
; data (%APPDATA%\rapport: the database, its backups, the window's settings) where it is.
; Silent: Rapport-<version>-setup.exe /S   and   uninstall.exe /S
Unicode true
; Debian's NSIS builds a 32-bit stub by default, which wine64 alone cannot run.
Target amd64-unicode
RequestExecutionLevel user
SetCompressor /SOLID lzma

!include "MUI2.nsh"

Name "Rapport"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Rapport"
InstallDirRegKey HKCU "Software\Rapport" "InstallDir"
BrandingText "Rapport ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1033 "ProductName" "Rapport"
VIAddVersionKey /LANG=1033 "FileDescription" "Rapport ${VERSION} setup"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "LegalCopyright" "see LICENSE.txt"

!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Rapport"
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!ifdef RAPPORT_EXE
!define MUI_FINISHPAGE_RUN "$INSTDIR\bin\rapport.exe"
!endif

!insertmacro MUI_PAGE_LICENSE "${LICENSE}"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "German"

Section "Rapport"
    SetShellVarContext current
    SetOutPath "$INSTDIR\bin"
    File "/oname=rapport-cli.exe" "${RAPPORT_CLI_EXE}"
!ifdef RAPPORT_EXE ; a build without the window (RAPPORT_BUILD_GUI=OFF) packs the CLI only
    File "/oname=rapport.exe" "${RAPPORT_EXE}"
    ; The German window: Rapport's own catalog and wxWidgets' (buttons, standard dialogs).
    ; rapport.exe looks for them in <its folder>\..\share\locale.
    SetOutPath "$INSTDIR\share\locale\de\LC_MESSAGES"
    File "/oname=rapport.mo" "${DE_MO}"
    File "/oname=wxstd-3.2.mo" "${WXSTD_DE_MO}"
!endif
    SetOutPath "$INSTDIR"
    File "/oname=rapport.ico" "${ICON}"
    File "/oname=LICENSE.txt" "${LICENSE}"
    File "/oname=README.txt" "${README}"

    WriteUninstaller "$INSTDIR\uninstall.exe"
!ifdef RAPPORT_EXE
    CreateShortcut "$SMPROGRAMS\Rapport.lnk" "$INSTDIR\bin\rapport.exe" "" \
        "$INSTDIR\rapport.ico" 0 SW_SHOWNORMAL "" "Remember every difficult customer"
!endif

    WriteRegStr HKCU "Software\Rapport" "InstallDir" "$INSTDIR"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "Rapport"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "Rapport"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\rapport.ico"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
    WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
    SetShellVarContext current
    Delete "$SMPROGRAMS\Rapport.lnk"
    Delete "$INSTDIR\bin\rapport.exe"
    Delete "$INSTDIR\bin\rapport-cli.exe"
    RMDir "$INSTDIR\bin"
    Delete "$INSTDIR\share\locale\de\LC_MESSAGES\rapport.mo"
    Delete "$INSTDIR\share\locale\de\LC_MESSAGES\wxstd-3.2.mo"
    RMDir "$INSTDIR\share\locale\de\LC_MESSAGES"
    RMDir "$INSTDIR\share\locale\de"
    RMDir "$INSTDIR\share\locale"
    RMDir "$INSTDIR\share"
    Delete "$INSTDIR\rapport.ico"
    Delete "$INSTDIR\LICENSE.txt"
    Delete "$INSTDIR\README.txt"
    Delete "$INSTDIR\uninstall.exe"
    RMDir "$INSTDIR"
    DeleteRegKey HKCU "${UNINSTALL_KEY}"
    DeleteRegKey HKCU "Software\Rapport"
    ; The owner's data (%APPDATA%\rapport, or wherever RAPPORT_DB or --db pointed) stays:
    ; removing a program must never remove the records of the customers.
SectionEnd
