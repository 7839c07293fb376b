//! Who the account is on the server and which calendars it has: the principal
//! (`current-user-principal`), its calendar home (`calendar-home-set`), and
//! each calendar there with its name and the components it accepts.

use libdav::caldav::{CalendarComponent, CreateCalendar, FindCalendarHomeSet, FindCalendars, GetSupportedComponents};
use libdav::dav::{GetProperty, WebDavError};
use libdav::names;

use crate::CalDavError;
use crate::connection::{Connection, webdav_error};

/// What kind of iCalendar items a calendar accepts.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Component {
    Event,
    Todo,
    Journal,
    Other(String),
}

impl Component {
    pub fn name(&self) -> &str {
        match self {
            Component::Event => "VEVENT",
            Component::Todo => "VTODO",
            Component::Journal => "VJOURNAL",
            Component::Other(name) => name,
        }
    }

    fn from_libdav(c: &CalendarComponent) -> Component {
        match c {
            CalendarComponent::VEvent => Component::Event,
            CalendarComponent::VTodo => Component::Todo,
            CalendarComponent::VJournal => Component::Journal,
            other => Component::Other(other.as_str().to_string()),
        }
    }

    fn to_libdav(&self) -> CalendarComponent {
        match self {
            Component::Event => CalendarComponent::VEvent,
            Component::Todo => CalendarComponent::VTodo,
            Component::Journal => CalendarComponent::VJournal,
            Component::Other(name) => CalendarComponent::Other(name.clone()),
        }
    }
}

/// A calendar on the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteCalendar {
    /// Its path on the server, as the server spells it (opaque).
    pub href: String,
    pub name: Option<String>,
    /// What it accepts; empty when the server does not say (RFC 4791: then anything).
    pub components: Vec<Component>,
}

impl RemoteCalendar {
    pub fn accepts(&self, component: &Component) -> bool {
        self.components.is_empty() || self.components.contains(component)
    }
}

/// The account as the server knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discovery {
    pub principal: String,
    /// Where its calendars live, and new ones are made.
    pub home: String,
    pub calendars: Vec<RemoteCalendar>,
}

impl Connection {
    /// Finds the account's principal, its calendar home and the calendars there.
    pub fn discover(&self) -> Result<Discovery, CalDavError> {
        let principal = self.runtime_principal()?;
        let homes = self.run("the calendar home lookup", self.client.request(FindCalendarHomeSet::new(&principal)))?;
        let home =
            homes.home_sets.first().map(|uri| uri.path().to_string()).ok_or_else(|| {
                CalDavError::NotCalDav(format!("{} (the account has no calendar home)", self.server()))
            })?;
        let calendars = self.calendars(&home)?;
        Ok(Discovery { principal, home, calendars })
    }

    fn runtime_principal(&self) -> Result<String, CalDavError> {
        let found = self.run("the account lookup", async {
            self.client.find_current_user_principal().await.map_err(|e| match e {
                libdav::dav::FindCurrentUserPrincipalError::RequestError(e) => e,
                libdav::dav::FindCurrentUserPrincipalError::InvalidInput(e) => WebDavError::InvalidInput(e),
            })
        })?;
        found
            .map(|uri| uri.path().to_string())
            .ok_or_else(|| CalDavError::NotCalDav(format!("{} (no current-user-principal)", self.server())))
    }

    /// The calendars in `home`, each with its name and components.
    pub fn calendars(&self, home: &str) -> Result<Vec<RemoteCalendar>, CalDavError> {
        let found = self.run("the calendar listing", self.client.request(FindCalendars::new(home)))?;
        let mut out = Vec::with_capacity(found.calendars.len());
        for c in found.calendars {
            let name = self.display_name(&c.href)?;
            let components =
                self.run("the calendar's components", self.client.request(GetSupportedComponents::new(&c.href)))?;
            out.push(RemoteCalendar {
                href: c.href,
                name,
                components: components.components.iter().map(Component::from_libdav).collect(),
            });
        }
        out.sort_by(|a, b| a.href.cmp(&b.href));
        Ok(out)
    }

    /// A calendar's display name; a server that has none answers 404 for it, which is no error.
    fn display_name(&self, href: &str) -> Result<Option<String>, CalDavError> {
        let asked =
            self.bounded("the calendar's name", self.client.request(GetProperty::new(href, &names::DISPLAY_NAME)))?;
        match asked {
            Ok(found) => Ok(found.value),
            Err(WebDavError::BadStatusCode(status)) if status.as_u16() == 404 => Ok(None),
            Err(e) => Err(webdav_error(self.server(), "the calendar's name", e)),
        }
    }

    /// Creates the calendar `slug` in `home` (MKCALENDAR), named `name` and accepting `components`; its href.
    pub fn create_calendar(
        &self,
        home: &str,
        slug: &str,
        name: &str,
        components: &[Component],
    ) -> Result<String, CalDavError> {
        let href = format!("{}/{slug}/", home.trim_end_matches('/'));
        let wanted: Vec<CalendarComponent> = components.iter().map(Component::to_libdav).collect();
        let request = CreateCalendar::new(&href).with_display_name(name).with_components(&wanted);
        self.run(&format!("creating the calendar {name:?}"), self.client.request(request))?;
        Ok(href)
    }
}
