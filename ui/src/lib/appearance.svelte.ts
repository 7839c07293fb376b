// The appearance the window shows, kept in step with the person's choice (Settings, or the
// `quarterdeck:appearance` event) and, under System, with the system's light or dark mode.
import { APPEARANCE_EVENT, APPEARANCE_KEY, parseAppearance, themeFor, type Appearance } from './appearance';

const systemDark = () => matchMedia('(prefers-color-scheme: dark)');

function stored(): Appearance {
  try {
    return parseAppearance(localStorage.getItem(APPEARANCE_KEY)) ?? 'system';
  } catch {
    return 'system';
  }
}

class AppearanceChoice {
  choice = $state<Appearance>(stored());

  /** Paints `choice` and remembers it for the next start. */
  choose(choice: Appearance) {
    this.choice = choice;
    try {
      localStorage.setItem(APPEARANCE_KEY, choice);
    } catch {
      // Not remembered, but still shown.
    }
    this.paint();
  }

  paint() {
    document.documentElement.dataset.theme = themeFor(this.choice, systemDark().matches);
  }

  /** Follows the system's changes and the appearance event; returns what stops it. */
  watch(): () => void {
    const media = systemDark();
    const onSystem = () => this.paint();
    const onEvent = (e: Event) => {
      const choice = parseAppearance((e as CustomEvent<unknown>).detail);
      if (choice) this.choose(choice);
    };
    media.addEventListener('change', onSystem);
    window.addEventListener(APPEARANCE_EVENT, onEvent);
    this.paint();
    return () => {
      media.removeEventListener('change', onSystem);
      window.removeEventListener(APPEARANCE_EVENT, onEvent);
    };
  }
}

export const appearance = new AppearanceChoice();
