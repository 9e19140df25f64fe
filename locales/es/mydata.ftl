mydata-export = Aquí tienes todo lo que tandem guarda sobre ti en este servidor, en un archivo JSON.
mydata-confirm-delete = ¿Borrar todo lo que tandem guarda sobre ti en este servidor? Se eliminarán tus perfiles y tu actividad. Las respuestas a las encuestas se quedan solo como números anónimos. No se puede deshacer.
mydata-delete-yes = Borrar mis datos
mydata-delete-no = Conservar mis datos
mydata-kept = No se borró nada.
mydata-erasing = Borrando tus datos…
mydata-erased = Listo: tus datos en este servidor están borrados. Si vuelves a inscribirte, empiezas desde cero.
mydata-nothing-to-erase = No hay nada que borrar: tandem no guarda ningún dato sobre ti en este servidor.
