@echo off
rem Launcher for conf on Windows: finds the jar and a Java runtime, then runs the JVM with
rem start-up friendly flags and an application class-data-sharing (AppCDS) archive.
rem
rem   JAVA_HOME       the Java runtime to use (else java.exe on PATH)
rem   CONF_JAVA_OPTS  extra JVM options
rem   CONF_NO_CDS=1   do not use or create the AppCDS archive
rem
rem The archive lives in %LOCALAPPDATA%\conf\cache, named after the Java version, the jar's build
rem id (conf.jar.id beside it, written by the build: the key of every per-jar cache, as in bin/conf
rem and the help cache) and the jar's size and time stamp, which the JVM checks too (so a copy that
rem keeps the bytes gets an archive of its own instead of one the JVM refuses). Without a build id
rem file, size and time stamp alone. When it is missing, this run goes ahead without it
rem and a background JVM running "conf __cds-training" (output discarded) writes it to a temporary
rem name that is then renamed into place, so creating it never changes this command's output or
rem exit code. Java 19+ then runs with -XX:+AutoCreateSharedArchive so that the JVM refreshes a
rem stale archive itself. Symbolic links to this file are not resolved; call it from its bin dir
rem or add that dir to PATH.
setlocal EnableExtensions DisableDelayedExpansion

if "%~1"=="--conf-internal-build-cds" goto build_cds

for %%i in ("%~dp0..") do set "APP_HOME=%%~fi"
set "CONF_JAR=%APP_HOME%\lib\conf.jar"
if not exist "%CONF_JAR%" set "CONF_JAR=%APP_HOME%\target\conf.jar"
if not exist "%CONF_JAR%" (
  echo conf: cannot find conf.jar in "%APP_HOME%\lib" or "%APP_HOME%\target"; run mvnw package 1>&2
  exit /b 1
)

if defined JAVA_HOME (
  set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
  set "JAVA_DIR=%JAVA_HOME%"
) else (
  set "JAVA_EXE="
  for %%j in (java.exe) do set "JAVA_EXE=%%~$PATH:j"
  set "JAVA_DIR="
)
if not defined JAVA_EXE (
  echo conf: no Java found; install Java 17 or newer, or set JAVA_HOME 1>&2
  exit /b 1
)
if not exist "%JAVA_EXE%" (
  echo conf: JAVA_HOME is set to "%JAVA_HOME%" but "%JAVA_EXE%" does not exist 1>&2
  exit /b 1
)
if not defined JAVA_DIR for %%j in ("%JAVA_EXE%\..\..") do set "JAVA_DIR=%%~fj"

rem C1 only, serial GC, no hsperfdata file, a small first heap (grows when needed), CDS when
rem available: start-up over peak throughput.
set "CONF_OPTS=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xms24m -Xshare:auto"
set "CDS_OPTS="
rem What conf --version reports as the archive (as bin/conf: "KIND STATE PATH" or "none REASON").
set "ARCHIVE_INFO=none no archive"
if "%CONF_NO_CDS%"=="1" set "ARCHIVE_INFO=none CONF_NO_CDS=1"

if "%CONF_NO_CDS%"=="1" goto run
if not defined LOCALAPPDATA goto run
if not exist "%JAVA_DIR%\release" goto run
set "JAVA_VER="
for /f "usebackq tokens=1,* delims==" %%a in ("%JAVA_DIR%\release") do (
  if "%%a"=="JAVA_VERSION" set "JAVA_VER=%%~b"
)
if not defined JAVA_VER goto run
set "JAVA_MAJOR="
for /f "tokens=1 delims=." %%v in ("%JAVA_VER%") do set "JAVA_MAJOR=%%v"
set /a "JAVA_MAJOR_NUM=JAVA_MAJOR" 2>nul || goto run
if %JAVA_MAJOR_NUM% lss 17 goto run

set "CDS_DIR=%LOCALAPPDATA%\conf\cache"
if not exist "%CDS_DIR%\" mkdir "%CDS_DIR%" 2>nul
if not exist "%CDS_DIR%\" goto run
set "BUILD_ID="
if exist "%CONF_JAR%.id" set /p BUILD_ID=<"%CONF_JAR%.id"
for %%f in ("%CONF_JAR%") do set "JAR_KEY=%BUILD_ID%-%%~zf-%%~tf"
set "JAR_KEY=%JAR_KEY: =_%"
set "JAR_KEY=%JAR_KEY::=%"
set "JAR_KEY=%JAR_KEY:/=%"
set "JAR_KEY=%JAR_KEY:\=%"
set "CDS_FILE=%CDS_DIR%\conf-jdk%JAVA_VER%-%JAR_KEY%.jsa"
rem The JVM reports unusable or stale archives through these log tags; keep them quiet.
set "CDS_QUIET=-Xlog:cds=off -Xlog:cds+dynamic=off"

set "ARCHIVE_INFO=jsa missing %CDS_FILE%"
if exist "%CDS_FILE%" (
  set "ARCHIVE_INFO=jsa ready %CDS_FILE%"
  if %JAVA_MAJOR_NUM% geq 19 (
    set "CDS_OPTS=%CDS_QUIET% -XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=%CDS_FILE%""
  ) else (
    set "CDS_OPTS=%CDS_QUIET% "-XX:SharedArchiveFile=%CDS_FILE%""
  )
  goto run
)
rem One builder at a time: mkdir is atomic. The builder removes the lock when done.
mkdir "%CDS_FILE%.lock" 2>nul || goto run
start "" /b cmd /d /c call "%~f0" --conf-internal-build-cds >nul 2>&1 <nul

:run
"%JAVA_EXE%" %CONF_OPTS% %CDS_OPTS% %CONF_JAVA_OPTS% "-Dconf.launcher.archive=%ARCHIVE_INFO%" -jar "%CONF_JAR%" %*
exit /b %ERRORLEVEL%

:build_cds
rem Runs in the background with the parent's environment (JAVA_EXE, CONF_JAR, CDS_FILE, ...).
set "CDS_TMP=%CDS_FILE%.%RANDOM%%RANDOM%.tmp"
"%JAVA_EXE%" %CONF_OPTS% %CDS_QUIET% "-XX:ArchiveClassesAtExit=%CDS_TMP%" %CONF_JAVA_OPTS% -jar "%CONF_JAR%" __cds-training >nul 2>&1 <nul
if not errorlevel 1 if exist "%CDS_TMP%" move /y "%CDS_TMP%" "%CDS_FILE%" >nul 2>&1
if exist "%CDS_TMP%" del /f /q "%CDS_TMP%" >nul 2>&1
rmdir "%CDS_FILE%.lock" >nul 2>&1
exit /b 0
