# Builds Cairn's Windows installer: packaging\target\Cairn-<version>.msi, from a checkout, on
# Windows 10 or 11 (x64). jpackage cannot build Windows packages on another system.
#
# Prerequisites:
#   - a JDK 17 or newer that has its jmods folder (for example Eclipse Temurin 17, the JDK, not the
#     JRE), with JAVA_HOME pointing at it;
#   - WiX Toolset 3 (3.11 or 3.14) with candle.exe and light.exe on the PATH: the jpackage of JDK 17
#     to 23 needs WiX 3 (WiX 4 and later only work with the jpackage of JDK 24 and later);
#   - PowerShell 5 or later.
#
# Run:
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build-windows.ps1
#
# The installer puts Cairn in C:\Program Files\Cairn with a Start menu entry and a desktop
# shortcut; the command line is C:\Program Files\Cairn\cairn-cli.exe (add that folder to the PATH
# to call it as cairn-cli). No .jar association is registered: jpackage's would make Cairn the
# default program for every jar. Open a jar with File > Open, by dropping it on the window, or with
# "Open with > Choose another app".
$ErrorActionPreference = 'Stop'

$root = (Resolve-Path "$PSScriptRoot\..\..").Path
$out = Join-Path $root 'packaging\target'
$jdk = $env:JAVA_HOME
if (-not $jdk -or -not (Test-Path "$jdk\jmods")) { throw "JAVA_HOME must point at a JDK 17+ with a jmods folder" }
foreach ($tool in 'candle.exe', 'light.exe') {
    if (-not (Get-Command $tool -ErrorAction SilentlyContinue)) { throw "$tool not found: install WiX Toolset 3 and put its bin folder on the PATH" }
}

Push-Location $root
try {
    & .\mvnw.cmd -B -q -DskipTests package
    if ($LASTEXITCODE -ne 0) { throw "the Maven build failed" }

    $appJar = Get-ChildItem app\target\cairn-app-*.jar | Select-Object -First 1
    $version = $appJar.BaseName -replace '^cairn-app-', ''
    $appVersion = $version -replace '-.*$', ''           # 0.1.0-SNAPSHOT -> 0.1.0
    $fxJars = @(Get-ChildItem app\target\lib\javafx-*-win.jar)
    if ($fxJars.Count -eq 0) { throw "no JavaFX Windows jars in app\target\lib" }
    $graphicsJar = $fxJars | Where-Object { $_.Name -like 'javafx-graphics-*' } | Select-Object -First 1
    $modules = (Get-Content packaging\runtime-modules.txt | Where-Object { $_ -notmatch '^\s*(#|$)' }) -join ','

    foreach ($dir in 'runtime', 'input', 'image') { Remove-Item -Recurse -Force -ErrorAction SilentlyContinue (Join-Path $out $dir) }
    New-Item -ItemType Directory -Force (Join-Path $out 'input\lib') | Out-Null

    # The runtime: JavaFX's DLLs are left out of the modules file and copied to bin\, next to the
    # JDK's, where JavaFX loads them (instead of unpacking them to the user's .openjfx cache).
    & "$jdk\bin\jlink.exe" --module-path ("$jdk\jmods;" + (($fxJars | ForEach-Object FullName) -join ';')) `
        --add-modules $modules --exclude-resources '/javafx.*/*.dll' `
        --strip-debug --no-header-files --no-man-pages --generate-cds-archive `
        --output "$out\runtime"
    if ($LASTEXITCODE -ne 0) { throw "jlink failed" }
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    $zip = [IO.Compression.ZipFile]::OpenRead($graphicsJar.FullName)
    try {
        foreach ($entry in $zip.Entries | Where-Object { $_.Name -like '*.dll' }) {
            $target = Join-Path "$out\runtime\bin" $entry.Name
            if (-not (Test-Path $target)) { [IO.Compression.ZipFileExtensions]::ExtractToFile($entry, $target) }
        }
    } finally { $zip.Dispose() }

    # The app's jar and its libraries, without JavaFX (it is in the runtime).
    Copy-Item $appJar.FullName "$out\input\"
    Get-ChildItem app\target\lib\*.jar | Where-Object { $_.Name -notlike 'javafx-*' } | Copy-Item -Destination "$out\input\lib\"

    & "$jdk\bin\jpackage.exe" --type app-image `
        --name Cairn --app-version $appVersion --vendor Cairn `
        --description 'Lineage explorer and local runner for software-defined data assets' `
        --input "$out\input" --main-jar $appJar.Name --main-class dev.cairn.app.Launcher `
        --runtime-image "$out\runtime" `
        --icon icons\cairn.ico `
        --add-launcher "cairn-cli=packaging\windows\cli.properties" `
        --dest "$out\image"
    if ($LASTEXITCODE -ne 0) { throw "jpackage (app image) failed" }
    # The app starts its worker processes with the runtime's own java.exe: it must be there.
    if (-not (Test-Path "$out\image\Cairn\runtime\bin\java.exe")) { throw "the image's runtime has no bin\java.exe" }

    & "$jdk\bin\jpackage.exe" --type msi `
        --app-image "$out\image\Cairn" `
        --name Cairn --app-version $appVersion --vendor Cairn `
        --description 'Lineage explorer and local runner for software-defined data assets' `
        --win-menu --win-menu-group Cairn --win-shortcut --win-dir-chooser `
        --win-upgrade-uuid 1384e357-ed91-49d2-aff5-aab92decc5ee `
        --dest $out
    if ($LASTEXITCODE -ne 0) { throw "jpackage (msi) failed" }
    Get-ChildItem "$out\*.msi"
} finally {
    Pop-Location
}
