# Makefile: builds samenspel, its tests and benchmarks; `make run` and `make test` also install missing Debian packages.

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
DATADIR    ?= $(PREFIX)/share/samenspel
LOCALEDIR  ?= $(PREFIX)/share/locale
PKG_CONFIG ?= pkg-config
CC         ?= cc
CFLAGS     ?= -O2 -g
LDFLAGS    ?=

# `make SANITIZE=1` builds everything with ASan and UBSan into build-asan/.
# `make COVERAGE=1` (what `make coverage` uses) builds with gcov counters into build-cov/.
ifeq ($(SANITIZE),1)
B          := build-asan
SAN_FLAGS  := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
else ifeq ($(COVERAGE),1)
B          := build-cov
SAN_FLAGS  := --coverage -O0
else
B          := build
SAN_FLAGS  :=
endif

VERSION := 0.1.0
WARN := -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
        -Wpointer-arith -Wformat=2 -Wno-unused-parameter
DEFS := -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
        -DSP_DATADIR='"$(DATADIR)"' -DSP_LOCALEDIR='"$(LOCALEDIR)"' -DSP_VERSION='"$(VERSION)"'

# Package flags are looked up lazily so `make deps` works before they exist.
XML_CFLAGS  = $(shell $(PKG_CONFIG) --cflags libxml-2.0 2>/dev/null)
XML_LIBS    = $(shell $(PKG_CONFIG) --libs libxml-2.0 2>/dev/null)
GUI_CFLAGS  = $(shell $(PKG_CONFIG) --cflags sdl2 SDL2_ttf SDL2_image fontconfig 2>/dev/null)
GUI_LIBS    = $(shell $(PKG_CONFIG) --libs sdl2 SDL2_ttf SDL2_image fontconfig 2>/dev/null)
NET_CFLAGS  = $(shell $(PKG_CONFIG) --cflags libmicrohttpd libqrencode 2>/dev/null) -pthread
NET_LIBS    = $(shell $(PKG_CONFIG) --libs libmicrohttpd libqrencode 2>/dev/null) -pthread
TEST_CFLAGS = $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
TEST_LIBS   = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

ALL_CFLAGS  = $(WARN) $(DEFS) $(CFLAGS) $(SAN_FLAGS) -MMD -MP
ALL_LDFLAGS = $(LDFLAGS) $(SAN_FLAGS)

# The layers of engine/, bottom up (tests/scripts/structure.sh checks the arrows):
#   core (libc, libxml2) <- net (the phones' server) <- ui (interface state and
#   screens as draw lists; gettext) <- gui (SDL), term <- app (the commands).
# SDL's include path is given to gui/ alone: an SDL header anywhere else fails
# the build. app/ reaches the window through gui/gui.h, which includes no SDL.
CORE_SRC := $(wildcard engine/core/*.c)
TERM_SRC := $(wildcard engine/term/*.c)
UI_SRC   := $(wildcard engine/ui/*.c)
GUI_SRC  := $(wildcard engine/gui/*.c)
APP_SRC  := $(wildcard engine/app/*.c)
NET_SRC  := $(wildcard engine/net/*.c)
CORE_OBJ := $(CORE_SRC:%.c=$(B)/%.o)
TERM_OBJ := $(TERM_SRC:%.c=$(B)/%.o)
UI_OBJ   := $(UI_SRC:%.c=$(B)/%.o)
GUI_OBJ  := $(GUI_SRC:%.c=$(B)/%.o)
APP_OBJ  := $(APP_SRC:%.c=$(B)/%.o)
NET_OBJ  := $(NET_SRC:%.c=$(B)/%.o)
LIB_OBJ  := $(NET_OBJ) $(TERM_OBJ) $(UI_OBJ) $(GUI_OBJ) $(filter-out $(B)/engine/app/main.o,$(APP_OBJ))

TEST_SRC  := $(wildcard tests/unit/test_*.c)
TEST_BIN  := $(TEST_SRC:tests/unit/%.c=$(B)/tests/%)
# A test that includes only core headers (no ui/, gui/, app/, term/ or net/) is a core test: compiled without SDL's
# include path and linked with the core and libxml2 alone, as the core is.
CORE_TEST_SRC := $(shell grep -L '\#include "\(ui\|gui\|app\|term\|net\)/' $(TEST_SRC) 2>/dev/null)
CORE_TEST_BIN := $(CORE_TEST_SRC:tests/unit/%.c=$(B)/tests/%)
# A test that includes headers of core, net and ui only is a ui test: compiled without SDL's include path and
# linked with those three layers alone.
UI_TEST_SRC := $(shell grep -L '\#include "\(gui\|app\|term\)/' $(filter-out $(CORE_TEST_SRC),$(TEST_SRC)) 2>/dev/null)
UI_TEST_BIN := $(UI_TEST_SRC:tests/unit/%.c=$(B)/tests/%)
TEST_HELP := $(filter-out $(TEST_SRC) tests/unit/gui_%.c,$(wildcard tests/unit/*.c))
TEST_HOBJ := $(TEST_HELP:%.c=$(B)/%.o)
# gui_*.c helpers use SDL: linked into the host tests only, never into a core test.
GUI_TEST_HOBJ := $(patsubst %.c,$(B)/%.o,$(wildcard tests/unit/gui_*.c))

BIN := samenspel
ifneq ($(B),build)
BIN := $(B)/samenspel
endif

.PHONY: all run test pot po-check deps deps-test install uninstall clean asan valgrind bench fuzz screenshots coverage
all: $(BIN) locale

$(B)/engine/core/%.o: engine/core/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(XML_CFLAGS) -c $< -o $@

$(B)/engine/term/%.o: engine/term/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(XML_CFLAGS) -Iengine -c $< -o $@

$(B)/engine/ui/%.o: engine/ui/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(XML_CFLAGS) -Iengine -c $< -o $@

$(B)/engine/gui/%.o: engine/gui/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(XML_CFLAGS) $(GUI_CFLAGS) -Iengine -c $< -o $@

# The phones' server (libmicrohttpd, libqrencode, a thread of its own); no SDL.
$(B)/engine/net/%.o: engine/net/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(NET_CFLAGS) -Iengine -c $< -o $@

$(B)/engine/app/%.o: engine/app/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(XML_CFLAGS) -Iengine -c $< -o $@

$(B)/libspcore.a: $(CORE_OBJ)
	@mkdir -p $(@D)
	rm -f $@ && $(AR) rcs $@ $^

$(B)/libspui.a: $(UI_OBJ) $(NET_OBJ)
	@mkdir -p $(@D)
	rm -f $@ && $(AR) rcs $@ $^

$(BIN): $(APP_OBJ) $(NET_OBJ) $(TERM_OBJ) $(UI_OBJ) $(GUI_OBJ) $(B)/libspcore.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(GUI_LIBS) $(NET_LIBS) $(XML_LIBS) -lm

$(CORE_TEST_SRC:tests/unit/%.c=$(B)/tests/unit/%.o) $(TEST_HOBJ): $(B)/tests/unit/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(XML_CFLAGS) $(TEST_CFLAGS) -Iengine -Itests/unit -c $< -o $@

$(UI_TEST_SRC:tests/unit/%.c=$(B)/tests/unit/%.o): $(B)/tests/unit/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(XML_CFLAGS) $(NET_CFLAGS) $(TEST_CFLAGS) -Iengine -Itests/unit -c $< -o $@

$(B)/tests/unit/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(XML_CFLAGS) $(GUI_CFLAGS) $(TEST_CFLAGS) -Iengine -Itests/unit -c $< -o $@

$(CORE_TEST_BIN): $(B)/tests/%: $(B)/tests/unit/%.o $(TEST_HOBJ) $(B)/libspcore.a
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(TEST_LIBS) $(XML_LIBS) -lm

$(UI_TEST_BIN): $(B)/tests/%: $(B)/tests/unit/%.o $(TEST_HOBJ) $(B)/libspui.a $(B)/libspcore.a
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(TEST_LIBS) $(NET_LIBS) $(XML_LIBS) -lm

$(B)/tests/%: $(B)/tests/unit/%.o $(TEST_HOBJ) $(GUI_TEST_HOBJ) $(LIB_OBJ) $(B)/libspcore.a
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(TEST_LIBS) $(GUI_LIBS) $(NET_LIBS) $(XML_LIBS) -lm

# Interface translations (gettext): po/*.po -> locale/<lang>/LC_MESSAGES/samenspel.mo
PO  := $(wildcard po/*.po)
MO  := $(PO:po/%.po=locale/%/LC_MESSAGES/samenspel.mo)
locale: $(MO)
locale/%/LC_MESSAGES/samenspel.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

# po/samenspel.pot from every marked string in engine/ (the window's _() and
# N_(), the core's, terminal's and commands' sp_translate, sp_translate_ctx, sp_diag_tr,
# sp_cli_error and SP_N_), then merged into each po/LANG.po; README "Translations" has the
# translator's round. No fuzzy matching: a new msgid stays untranslated
# until someone translates it, and `make po-check` says which.
XGETTEXT_FLAGS := --language=C --from-code=UTF-8 --package-name=samenspel --sort-by-file \
	--keyword=_ --keyword=N_ --keyword=SP_N_ --keyword=sp_translate:2 --keyword=sp_translate_ctx:2c,3 --keyword=sp_diag_tr:2 --keyword=sp_cli_error
pot:
	xgettext $(XGETTEXT_FLAGS) -o po/samenspel.pot $(sort $(wildcard engine/*/*.c engine/*/*.h))
	for po in $(PO); do msgmerge --quiet --update --backup=none --no-fuzzy-matching $$po po/samenspel.pot; done

# Fails when a string marked in engine/ has no translation in a po/LANG.po
# (the template made afresh in a temporary file; tests/scripts/po.sh runs it).
po-check:
	@t=$$(mktemp) && xgettext $(XGETTEXT_FLAGS) -o $$t $(sort $(wildcard engine/*/*.c engine/*/*.h)) && \
	for po in $(PO); do msgcmp $$po $$t || { rm -f $$t; echo "$$po: translate the msgids above (make pot, then edit $$po)"; exit 1; }; done; \
	rm -f $$t; echo "po: every marked string has a translation in $(PO)"

deps:
	@sh tools/deps.sh run
deps-test:
	@sh tools/deps.sh test

run: deps all
	./$(BIN)

# Under SANITIZE=1 the scripts marked "# runs no program" (checks of the
# sources alone) are left out: they ran in `make test` and would read the
# same files again.
test: deps-test all $(TEST_BIN)
	@SCRIPTS=$(if $(SANITIZE),program,yes) sh tests/run.sh $(B) $(abspath $(BIN))

asan:
	$(MAKE) SANITIZE=1 test

# Under ASan and valgrind test_gui_wall's sweep of every wall screen lays each
# out at two sizes (1024x768, 1920x1080) instead of five: every layout path,
# a fifth of the cost (make test runs the whole sweep).
ifneq ($(SANITIZE),)
export SAMENSPEL_TEST_SAMPLE := 1
endif

# The unit tests once more, each under valgrind (errors and leaks fail), one per processor (a valgrind
# process uses one core); the scripts are not run here: they run the plain binary, as in `make test`.
# Left out, because they run in `make test` as they would here: test_alloc (its out-of-memory sweeps
# count live blocks through the core's allocation hook, so it runs plain) and test_gui_fit (every
# window size x text size x case, 72 plays: 4 min of valgrind for layout code that test_gui_layout,
# _wall and _app run under valgrind too).
valgrind: deps-test all $(TEST_BIN)
	@SAMENSPEL_TEST_SAMPLE=1 SCRIPTS=no EXCEPT="test_alloc test_gui_fit" \
	  RUNNER="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --suppressions=$(CURDIR)/tests/valgrind.supp" \
	  sh tests/run.sh $(B) $(abspath $(BIN))

# Line and function coverage of engine/ by the whole suite (gcov + lcov):
# the summary is printed; an HTML report is written to build-cov/html/.
coverage:
	@command -v lcov >/dev/null 2>&1 || sh tools/deps.sh coverage
	$(MAKE) COVERAGE=1 test
	lcov -q --capture --directory build-cov/engine --output-file build-cov/all.info
	lcov -q --extract build-cov/all.info '$(CURDIR)/engine/*' --output-file build-cov/engine.info
	genhtml -q build-cov/engine.info --output-directory build-cov/html
	@lcov --summary build-cov/engine.info 2>&1 | grep -E 'lines|functions'
	@for d in core term app ui gui; do printf '%-5s ' $$d; \
	  lcov -q --extract build-cov/engine.info "$(CURDIR)/engine/$$d/*" -o build-cov/$$d.info >/dev/null 2>&1; \
	  lcov --summary build-cov/$$d.info 2>&1 | grep lines; done

bench: all
	@sh bench/run.sh

# `make screenshots` takes docs/screenshots/ anew under Xvfb (solo window, group
# play on two displays, replay); read the PNGs' diff before committing them.
screenshots: all
	sh tools/screenshots.sh ./samenspel
	sh tools/screenshots_group.sh ./samenspel
	sh tools/screenshots_replay.sh ./samenspel

# `make fuzz FUZZ_SECONDS=600` runs every fuzz harness for that long.
FUZZ_SECONDS ?= 60
fuzz:
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS)

SHAREDIR   = $(dir $(DATADIR))
APPID     := org.samenspel.Samenspel
ICONSIZES := 16x16 24x24 32x32 48x48 64x64 128x128 256x256 512x512 scalable

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/scenarios $(DESTDIR)$(DATADIR)/assets
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/samenspel
	install -m 644 scenarios/*.xml scenarios/*.rng $(DESTDIR)$(DATADIR)/scenarios/
	cp -R assets/. $(DESTDIR)$(DATADIR)/assets/
	install -D -m 644 assets/$(APPID).desktop $(DESTDIR)$(SHAREDIR)applications/$(APPID).desktop
	install -D -m 644 assets/$(APPID).metainfo.xml $(DESTDIR)$(SHAREDIR)metainfo/$(APPID).metainfo.xml
	install -D -m 644 docs/man/samenspel.1 $(DESTDIR)$(SHAREDIR)man/man1/samenspel.1
	for s in $(ICONSIZES); do f=$$(ls assets/icons/hicolor/$$s/apps/samenspel.*); \
	  install -D -m 644 $$f $(DESTDIR)$(SHAREDIR)icons/hicolor/$$s/apps/$${f##*/}; done
	for mo in $(MO); do l=$${mo#locale/}; l=$${l%%/*}; \
	  install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES; \
	  install -m 644 $$mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/samenspel.mo; done

# Removes what install put there, then the directories it made, as far as
# they are empty (a directory that holds anything else stays), up to PREFIX.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/samenspel
	rm -rf $(DESTDIR)$(DATADIR)
	rm -f $(DESTDIR)$(SHAREDIR)applications/$(APPID).desktop $(DESTDIR)$(SHAREDIR)metainfo/$(APPID).metainfo.xml \
	  $(DESTDIR)$(SHAREDIR)man/man1/samenspel.1
	for s in $(ICONSIZES); do rm -f $(DESTDIR)$(SHAREDIR)icons/hicolor/$$s/apps/samenspel.png \
	  $(DESTDIR)$(SHAREDIR)icons/hicolor/$$s/apps/samenspel.svg; \
	  rmdir $(DESTDIR)$(SHAREDIR)icons/hicolor/$$s/apps $(DESTDIR)$(SHAREDIR)icons/hicolor/$$s 2>/dev/null || true; done
	for d in icons/hicolor icons applications metainfo man/man1 man; do rmdir $(DESTDIR)$(SHAREDIR)$$d 2>/dev/null || true; done
	for mo in $(MO); do l=$${mo#locale/}; l=$${l%%/*}; \
	  rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/samenspel.mo; \
	  rmdir $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES $(DESTDIR)$(LOCALEDIR)/$$l 2>/dev/null || true; done
	for d in $(DESTDIR)$(LOCALEDIR) $(DESTDIR)$(BINDIR) $(DESTDIR)$(SHAREDIR) $(DESTDIR)$(PREFIX); do \
	  rmdir "$$d" 2>/dev/null || true; done

clean:
	rm -rf build build-asan build-cov samenspel locale

.SECONDARY:

-include $(shell find build build-asan -name '*.d' 2>/dev/null)
