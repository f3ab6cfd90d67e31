// The built-in themes, embedded so the binary works from anywhere. The editable copies are
// the files in themes/ at the root of the repository; a test checks that both agree. After
// editing a file there, paste its text here between the delimiters.

extension Theme {
  /// The names of the built-in themes, the default first.
  public static let builtInNames = ["default", "high-contrast", "night", "colorblind", "mono"]

  /// The TOML source of the built-in theme `name`, or nil when there is none.
  public static func builtInSource(named name: String) -> String? {
    switch name {
    case "default":
      return #"""
        # Watchfloor theme "default": light text on a dark blue-grey screen
        #
        # Make your own: copy this file to ~/.config/watchfloor/themes/NAME.toml (or to
        # $XDG_CONFIG_HOME/watchfloor/themes/NAME.toml), edit it, and start the console with
        # --theme NAME. A theme there with the name of a built-in one replaces it.
        #
        # One line per role:
        #   role = "#rrggbb"                  the text colour only
        #   role = { fg = "#rrggbb", bg = "#rrggbb", bold = true, dim = true, underline = true, reverse = true }
        # Everything inside { } is optional. Colours are "#rrggbb" or the short "#rgb".
        # A colour left out comes from "text", so the bg of "text" is the screen background.
        # A role left out borrows from a related role (critical from danger, bar_inbound from
        # bar_fill, ... all ending at text), but listing every role is clearer.
        #
        # 256- and 8-colour terminals get the nearest colour they have; a role that then looks
        # like plain text, or like the role it borrows from, also gets the attributes it has in
        # mono.toml. With NO_COLOR set, or on a terminal without colour, every theme is drawn
        # like mono.toml: attributes only.

        description = "Light text on a dark blue-grey screen"

        # Screen and text
        text           = { fg = "#d8dee9", bg = "#1c2028" }
        dim            = "#808898"
        accent         = "#5fafd7"

        # States, from fine to act-now
        ok             = "#5faf5f"
        warn           = "#e5c07b"
        danger         = { fg = "#ff5f5f", bold = true }
        critical       = { fg = "#ffffff", bg = "#c62828", bold = true }

        # The selected row
        selection      = { fg = "#ffffff", bg = "#3b5b8c" }

        # Occupancy bars: filled, inbound (in flight), beyond capacity, empty track
        bar_fill       = "#5faf5f"
        bar_inbound    = "#5f87d7"
        bar_over       = "#ff5f5f"
        bar_empty      = "#666c78"

        # Frames, header and footer
        border         = "#4c566a"
        border_focused = { fg = "#5fafd7", bold = true }
        header         = { fg = "#eceff4", bg = "#2e3440", bold = true }
        footer         = { fg = "#d8dee9", bg = "#2e3440" }
        title          = { fg = "#5fafd7", bold = true }
        key            = { fg = "#e5c07b", bold = true }

        """#
    case "high-contrast":
      return #"""
        # Watchfloor theme "high-contrast": pure colours on black, for bright rooms and weak eyes
        #
        # Make your own: copy this file to ~/.config/watchfloor/themes/NAME.toml (or to
        # $XDG_CONFIG_HOME/watchfloor/themes/NAME.toml), edit it, and start the console with
        # --theme NAME. A theme there with the name of a built-in one replaces it.
        #
        # One line per role:
        #   role = "#rrggbb"                  the text colour only
        #   role = { fg = "#rrggbb", bg = "#rrggbb", bold = true, dim = true, underline = true, reverse = true }
        # Everything inside { } is optional. Colours are "#rrggbb" or the short "#rgb".
        # A colour left out comes from "text", so the bg of "text" is the screen background.
        # A role left out borrows from a related role (critical from danger, bar_inbound from
        # bar_fill, ... all ending at text), but listing every role is clearer.
        #
        # 256- and 8-colour terminals get the nearest colour they have; a role that then looks
        # like plain text, or like the role it borrows from, also gets the attributes it has in
        # mono.toml. With NO_COLOR set, or on a terminal without colour, every theme is drawn
        # like mono.toml: attributes only.

        description = "Pure colours on black, for bright rooms and weak eyes"

        # Screen and text
        text           = { fg = "#ffffff", bg = "#000000" }
        dim            = "#bcbcbc"
        accent         = "#00ffff"

        # States, from fine to act-now
        ok             = "#00ff00"
        warn           = { fg = "#ffff00", underline = true }
        danger         = { fg = "#ff0000", bold = true }
        critical       = { fg = "#ffffff", bg = "#ed0000", bold = true }

        # The selected row
        selection      = { fg = "#000000", bg = "#ffffff" }

        # Occupancy bars: filled, inbound (in flight), beyond capacity, empty track
        bar_fill       = "#00ff00"
        bar_inbound    = "#00afff"
        bar_over       = "#ff0000"
        bar_empty      = "#5b5b5b"

        # Frames, header and footer
        border         = "#ffffff"
        border_focused = { fg = "#ffff00", bold = true }
        header         = { fg = "#000000", bg = "#ffffff", bold = true }
        footer         = { fg = "#000000", bg = "#bcbcbc" }
        title          = { fg = "#ffffff", bold = true, underline = true }
        key            = { fg = "#00ffff", bold = true }

        """#
    case "night":
      return #"""
        # Watchfloor theme "night": dim amber on black, for a dark operations room
        #
        # Make your own: copy this file to ~/.config/watchfloor/themes/NAME.toml (or to
        # $XDG_CONFIG_HOME/watchfloor/themes/NAME.toml), edit it, and start the console with
        # --theme NAME. A theme there with the name of a built-in one replaces it.
        #
        # One line per role:
        #   role = "#rrggbb"                  the text colour only
        #   role = { fg = "#rrggbb", bg = "#rrggbb", bold = true, dim = true, underline = true, reverse = true }
        # Everything inside { } is optional. Colours are "#rrggbb" or the short "#rgb".
        # A colour left out comes from "text", so the bg of "text" is the screen background.
        # A role left out borrows from a related role (critical from danger, bar_inbound from
        # bar_fill, ... all ending at text), but listing every role is clearer.
        #
        # 256- and 8-colour terminals get the nearest colour they have; a role that then looks
        # like plain text, or like the role it borrows from, also gets the attributes it has in
        # mono.toml. With NO_COLOR set, or on a terminal without colour, every theme is drawn
        # like mono.toml: attributes only.

        description = "Dim amber on black, for a dark operations room"

        # Screen and text
        text           = { fg = "#b07820", bg = "#000000" }
        dim            = "#857554"
        accent         = "#d09030"

        # States, from fine to act-now
        ok             = "#8a8a30"
        warn           = { fg = "#e0a000", underline = true }
        danger         = { fg = "#e04820", bold = true }
        critical       = { fg = "#000000", bg = "#c94d31", bold = true }

        # The selected row
        selection      = { fg = "#ffc060", bg = "#3a2600" }

        # Occupancy bars: filled, inbound (in flight), beyond capacity, empty track
        bar_fill       = "#8a6a20"
        bar_inbound    = "#6e572d"
        bar_over       = "#e04820"
        bar_empty      = "#64594b"

        # Frames, header and footer
        border         = "#4a3410"
        border_focused = { fg = "#d09030", bold = true }
        header         = { fg = "#000000", bg = "#976e31" }
        footer         = { fg = "#b07820", bg = "#1c1204" }
        title          = { fg = "#d09030", bold = true }
        key            = { fg = "#e0a000", bold = true }

        """#
    case "colorblind":
      return #"""
        # Watchfloor theme "colorblind": the Okabe-Ito palette, told apart with any colour vision
        #
        # Make your own: copy this file to ~/.config/watchfloor/themes/NAME.toml (or to
        # $XDG_CONFIG_HOME/watchfloor/themes/NAME.toml), edit it, and start the console with
        # --theme NAME. A theme there with the name of a built-in one replaces it.
        #
        # One line per role:
        #   role = "#rrggbb"                  the text colour only
        #   role = { fg = "#rrggbb", bg = "#rrggbb", bold = true, dim = true, underline = true, reverse = true }
        # Everything inside { } is optional. Colours are "#rrggbb" or the short "#rgb".
        # A colour left out comes from "text", so the bg of "text" is the screen background.
        # A role left out borrows from a related role (critical from danger, bar_inbound from
        # bar_fill, ... all ending at text), but listing every role is clearer.
        #
        # 256- and 8-colour terminals get the nearest colour they have; a role that then looks
        # like plain text, or like the role it borrows from, also gets the attributes it has in
        # mono.toml. With NO_COLOR set, or on a terminal without colour, every theme is drawn
        # like mono.toml: attributes only.

        description = "The Okabe-Ito palette, told apart with any colour vision"

        # Screen and text
        text           = { fg = "#e0e0e0", bg = "#000000" }
        dim            = "#999999"
        accent         = "#56b4e9"

        # States, from fine to act-now: bluish green, yellow, vermillion
        ok             = "#009e73"
        warn           = { fg = "#f0e442", underline = true }
        danger         = { fg = "#d55e00", bold = true }
        critical       = { fg = "#ffffff", bg = "#c15500", bold = true }

        # The selected row
        selection      = { fg = "#000000", bg = "#56b4e9" }

        # Occupancy bars: filled, inbound (in flight), beyond capacity, empty track
        bar_fill       = "#009e73"
        bar_inbound    = "#0072b2"
        bar_over       = "#d55e00"
        bar_empty      = "#5c5c5c"

        # Frames, header and footer
        border         = "#666666"
        border_focused = { fg = "#56b4e9", bold = true }
        header         = { fg = "#ffffff", bg = "#0072b2", bold = true }
        footer         = { fg = "#e0e0e0", bg = "#222222" }
        title          = { fg = "#56b4e9", bold = true }
        key            = { fg = "#e69f00", bold = true }

        """#
    case "mono":
      return #"""
        # Watchfloor theme "mono": no colour, attributes only
        #
        # Make your own: copy this file to ~/.config/watchfloor/themes/NAME.toml (or to
        # $XDG_CONFIG_HOME/watchfloor/themes/NAME.toml), edit it, and start the console with
        # --theme NAME. A theme there with the name of a built-in one replaces it.
        #
        # One line per role:
        #   role = "#rrggbb"                  the text colour only
        #   role = { fg = "#rrggbb", bg = "#rrggbb", bold = true, dim = true, underline = true, reverse = true }
        # Everything inside { } is optional. Colours are "#rrggbb" or the short "#rgb".
        # A colour left out comes from "text", so the bg of "text" is the screen background.
        # A role left out borrows from a related role (critical from danger, bar_inbound from
        # bar_fill, ... all ending at text), but listing every role is clearer.
        #
        # 256- and 8-colour terminals get the nearest colour they have; a role that then looks
        # like plain text, or like the role it borrows from, also gets the attributes it has in
        # mono.toml. With NO_COLOR set, or on a terminal without colour, every theme is drawn
        # like mono.toml: attributes only.
        #
        # This is also how every theme looks with NO_COLOR. Panes add glyphs (markers, bar
        # shading) so that no state depends on attributes alone either.

        description = "No colour: states told apart by attributes and glyphs"

        # Screen and text
        text           = {}
        dim            = { dim = true }
        accent         = { bold = true }

        # States, from fine to act-now
        ok             = {}
        warn           = { underline = true }
        danger         = { bold = true, underline = true }
        critical       = { bold = true, reverse = true }

        # The selected row
        selection      = { reverse = true }

        # Occupancy bars: filled, inbound (in flight), beyond capacity, empty track
        bar_fill       = {}
        bar_inbound    = { dim = true }
        bar_over       = { bold = true }
        bar_empty      = { dim = true }

        # Frames, header and footer
        border         = {}
        border_focused = { bold = true }
        header         = { reverse = true }
        footer         = { reverse = true }
        title          = { bold = true }
        key            = { bold = true }

        """#
    default:
      return nil
    }
  }
}
