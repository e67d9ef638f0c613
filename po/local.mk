# Translations. Each po/LL.po compiles into locale/LL/LC_MESSAGES/shenyue.mo
# in the build tree, where a binary that is not installed finds it (see
# src/i18n.c), and installs under $(localedir). `make update-po` re-extracts
# the strings marked _() and N_() from the files in po/POTFILES.
EXTRA_DIST += po/POTFILES po/shenyue.pot po/zh_CN.po po/local.mk

if ENABLE_NLS
MO_FILES = locale/zh_CN/LC_MESSAGES/shenyue.mo
noinst_DATA = $(MO_FILES)
CLEANFILES += $(MO_FILES)

locale/zh_CN/LC_MESSAGES/shenyue.mo: po/zh_CN.po
	$(AM_V_GEN)$(MKDIR_P) locale/zh_CN/LC_MESSAGES && $(MSGFMT) -c -o $@ $(srcdir)/po/zh_CN.po

install-data-local: $(MO_FILES)
	$(MKDIR_P) $(DESTDIR)$(localedir)/zh_CN/LC_MESSAGES
	$(INSTALL_DATA) locale/zh_CN/LC_MESSAGES/shenyue.mo $(DESTDIR)$(localedir)/zh_CN/LC_MESSAGES/shenyue.mo

uninstall-local:
	rm -f $(DESTDIR)$(localedir)/zh_CN/LC_MESSAGES/shenyue.mo
endif

update-po:
	cd $(srcdir) && $(XGETTEXT) --from-code=UTF-8 -k_ -kN_ --add-comments=TRANSLATORS: \
		--package-name=$(PACKAGE) --package-version=$(VERSION) \
		-o po/shenyue.pot `cat po/POTFILES` && \
		$(MSGMERGE) --update --backup=none --no-fuzzy-matching po/zh_CN.po po/shenyue.pot && \
		msgattrib --no-obsolete -o po/zh_CN.po po/zh_CN.po
.PHONY: update-po

# Every message is translated, none is fuzzy (a stale translation).
TESTS += tests/cli/translations.sh
EXTRA_DIST += tests/cli/translations.sh
