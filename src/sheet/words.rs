//! The words an update sheet is written in, English or Spanish, and the column titles in
//! both, which reading a sheet back recognises whatever language it was written in.

use crate::i18n::Lang;

/// A column of a sheet's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Number,
    Topic,
    Activity,
    Progress,
    Remarks,
    /// Hidden: which activity each row is, and, in the header row, which report and group.
    Tie,
}

impl Column {
    pub const ALL: [Column; 6] = [
        Column::Number,
        Column::Topic,
        Column::Activity,
        Column::Progress,
        Column::Remarks,
        Column::Tie,
    ];

    /// The column a header cell names, in either language (case and spaces aside).
    pub fn from_title(title: &str) -> Option<Column> {
        let title = title.trim().to_lowercase();
        let title = title.trim_end_matches(':');
        Column::ALL.into_iter().find(|c| {
            [Lang::En, Lang::Es]
                .into_iter()
                .map(|lang| SheetWords::of(lang).title(*c).to_lowercase())
                .chain(c.aliases().iter().map(|a| a.to_string()))
                .any(|t| t == title)
        })
    }

    /// Other titles a coordinator may have typed over ours.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Column::Number => &["no", "nº", "n°", "n.°", "n.º", "#"],
            Column::Topic => &["tema"],
            Column::Activity => &["activities", "actividades", "description", "descripción"],
            Column::Progress => &["progress", "progress %", "avance", "avance %", "%"],
            Column::Remarks => &["observación", "comments", "comentarios"],
            Column::Tie => &[],
        }
    }
}

/// The texts of a sheet in one language.
#[derive(Debug, Clone, Copy)]
pub struct SheetWords {
    pub number: &'static str,
    pub topic: &'static str,
    pub activity: &'static str,
    pub progress: &'static str,
    pub remarks: &'static str,
    pub tie: &'static str,
    pub group: &'static str,
    pub coordinators: &'static str,
    pub no_coordinators: &'static str,
    pub instruction: &'static str,
    pub new_activities: &'static str,
    pub progress_title: &'static str,
    pub progress_message: &'static str,
    pub too_long: &'static str,
}

const EN: SheetWords = SheetWords {
    number: "No.",
    topic: "Topic",
    activity: "Activity",
    progress: "Progress (%)",
    remarks: "Remarks",
    tie: "wgtrack",
    group: "Working group",
    coordinators: "Coordinators",
    no_coordinators: "not stated",
    instruction: "Please update the Progress (a whole number from 0 to 100) and the Remarks of \
                  each activity, and add any new activity in the empty rows below the table. \
                  Leave the other cells as they are, and send the file back as it is.",
    new_activities: "Proposed new activities (one per row):",
    progress_title: "Progress",
    progress_message: "A whole number from 0 to 100: the share of the activity done.",
    too_long: "(too long for a spreadsheet cell: left out, and kept as it is)",
};

const ES: SheetWords = SheetWords {
    number: "N.º",
    topic: "Tema",
    activity: "Actividad",
    progress: "Avance (%)",
    remarks: "Observaciones",
    tie: "wgtrack",
    group: "Grupo de trabajo",
    coordinators: "Coordinación",
    no_coordinators: "no indicada",
    instruction: "Actualice el Avance (un número entero de 0 a 100) y las Observaciones de cada \
                  actividad, y agregue las actividades nuevas en las filas vacías bajo la \
                  tabla. Deje las demás celdas como están y devuelva el archivo tal cual.",
    new_activities: "Nuevas actividades propuestas (una por fila):",
    progress_title: "Avance",
    progress_message: "Un número entero de 0 a 100: la parte de la actividad realizada.",
    too_long: "(demasiado largo para una celda: no se incluye y se conserva tal cual)",
};

impl SheetWords {
    pub fn of(lang: Lang) -> SheetWords {
        match lang {
            Lang::En => EN,
            Lang::Es => ES,
        }
    }

    pub fn title(&self, column: Column) -> &'static str {
        match column {
            Column::Number => self.number,
            Column::Topic => self.topic,
            Column::Activity => self.activity,
            Column::Progress => self.progress,
            Column::Remarks => self.remarks,
            Column::Tie => self.tie,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Column;

    #[test]
    fn titles_are_recognised_in_either_language() {
        assert_eq!(Column::from_title(" Progress (%) "), Some(Column::Progress));
        assert_eq!(Column::from_title("Avance (%)"), Some(Column::Progress));
        assert_eq!(Column::from_title("OBSERVACIONES"), Some(Column::Remarks));
        assert_eq!(Column::from_title("N.º"), Some(Column::Number));
        assert_eq!(Column::from_title("Budget"), None);
    }
}
